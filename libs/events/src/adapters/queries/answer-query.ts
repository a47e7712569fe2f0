import type { InventoryQueries } from '@inventario/inventory-core';
import { queryRequestSchema, type QueryRequest, type QueryResponse } from './query-request';

/**
 * Answers one read from the store. Errors that carry a contract `codigo` (a bad cursor) come back as
 * values; anything else throws, so the caller sees a dependency failure.
 *
 * @example
 * await answerQuery(store, { consulta: 'producto', producto_id: 'PRO001' });
 */
export async function answerQuery(queries: InventoryQueries, input: unknown): Promise<QueryResponse> {
  const parsed = queryRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, codigo: 'VALIDACION', error: 'Consulta inválida' };
  try {
    return { ok: true, value: (await run(queries, parsed.data)) ?? null };
  } catch (error) {
    if (hasContractCode(error)) return { ok: false, codigo: error.codigo, error: error.message };
    throw error;
  }
}

function run(queries: InventoryQueries, request: QueryRequest): Promise<unknown> {
  switch (request.consulta) {
    case 'producto':
      return queries.getProduct(request.producto_id);
    case 'producto_detalle':
      return queries.getProductDetail(request.producto_id);
    case 'ubicacion':
      return queries.listLocationProducts(request.ubicacion_id, request.pagina);
    case 'reserva':
      return queries.getReservation(request.orden_id);
    case 'inventario':
      return queries.listProducts({ ...request.pagina, soloActivos: request.solo_activos });
    case 'movimientos':
      return queries.listMovements(request.producto_id, request.pagina);
    case 'comando':
      return queries.getCommand(request.tipo, request.orden_id);
    case 'ping':
      return queries.ping().then(() => 'ok');
  }
}

function hasContractCode(error: unknown): error is Error & { codigo: string } {
  return error instanceof Error && typeof (error as { codigo?: unknown }).codigo === 'string';
}
