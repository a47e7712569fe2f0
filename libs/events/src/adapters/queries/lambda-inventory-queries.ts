import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import {
  InvalidCursorError,
  type CommandOutcome,
  type CommandType,
  type InventoryQueries,
  type LedgerEntry,
  type LocationProduct,
  type Page,
  type PageRequest,
  type Product,
  type ProductDetail,
  type ReservationView,
} from '@inventario/inventory-core';
import type { QueryRequest, QueryResponse } from './query-request';
import { QueryFailedError } from '../../errors';

/** Sends one query and returns the function's answer; on AWS a synchronous Lambda invoke. */
export type QueryInvoker = (request: QueryRequest) => Promise<QueryResponse>;

/**
 * The gateway's read port on AWS: each read is a synchronous invoke of `apps/consultar-inventario`,
 * which answers it with {@link answerQuery}. A `VALIDACION` answer (a bad cursor) becomes the same
 * `InvalidCursorError` the store throws in-process, so the gateway answers 400 either way.
 *
 * @example
 * const queries = new LambdaInventoryQueries(lambdaQueryInvoker(new LambdaClient({}), 'inventario-prod-consultar-inventario'));
 * await queries.getProduct('PRO001');
 */
export class LambdaInventoryQueries implements InventoryQueries {
  constructor(private readonly invoke: QueryInvoker) {}

  getProduct(productoId: string): Promise<Product | undefined> {
    return this.ask<Product>({ consulta: 'producto', producto_id: productoId });
  }

  getProductDetail(productoId: string): Promise<ProductDetail | undefined> {
    return this.ask<ProductDetail>({ consulta: 'producto_detalle', producto_id: productoId });
  }

  async listLocationProducts(ubicacionId: string, request: PageRequest): Promise<Page<LocationProduct>> {
    return (await this.ask<Page<LocationProduct>>({ consulta: 'ubicacion', ubicacion_id: ubicacionId, pagina: page(request) })) ?? { data: [] };
  }

  getReservation(ordenId: string): Promise<ReservationView | undefined> {
    return this.ask<ReservationView>({ consulta: 'reserva', orden_id: ordenId });
  }

  async listProducts(request: PageRequest & { soloActivos: boolean }): Promise<Page<Product>> {
    return (await this.ask<Page<Product>>({ consulta: 'inventario', pagina: page(request), solo_activos: request.soloActivos })) ?? { data: [] };
  }

  async listMovements(productoId: string, request: PageRequest): Promise<Page<LedgerEntry>> {
    return (await this.ask<Page<LedgerEntry>>({ consulta: 'movimientos', producto_id: productoId, pagina: page(request) })) ?? { data: [] };
  }

  getCommand(type: CommandType, ordenId: string): Promise<CommandOutcome | undefined> {
    return this.ask<CommandOutcome>({ consulta: 'comando', tipo: type, orden_id: ordenId });
  }

  async ping(): Promise<void> {
    await this.ask({ consulta: 'ping' });
  }

  private async ask<T>(request: QueryRequest): Promise<T | undefined> {
    const response = await this.invoke(request);
    if (!response.ok) {
      if (response.codigo === 'VALIDACION') throw new InvalidCursorError(response.error);
      throw new QueryFailedError(`Query ${request.consulta} failed: ${response.codigo}`);
    }
    return response.value === null ? undefined : (response.value as T);
  }
}

function page(request: PageRequest): { limit: number; cursor?: string } {
  return request.cursor === undefined ? { limit: request.limit } : { limit: request.limit, cursor: request.cursor };
}

/**
 * Invokes the query function synchronously. A function error (a crash, a time-out) throws, which the
 * gateway answers as 503 NO_DISPONIBLE.
 */
export function lambdaQueryInvoker(client: LambdaClient, functionName: string): QueryInvoker {
  return async (request) => {
    const result = await client.send(
      new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(request)) }),
    );
    const payload = result.Payload ? Buffer.from(result.Payload).toString() : '';
    if (result.FunctionError) throw new QueryFailedError(`Query function failed: ${result.FunctionError}`);
    return JSON.parse(payload) as QueryResponse;
  };
}
