import { COMMANDS, idInPath } from '@inventario/events';
import {
  ERROR_CODES,
  REJECTION_CODES,
  deleteBodySchema,
  holdBodySchema,
  purchaseItemsBodySchema,
  purchaseSingleBodySchema,
  reservationStepBodySchema,
  transferBodySchema,
} from '@inventario/inventory-core';
import request from 'supertest';
import * as z from 'zod';
import { createTestGateway } from '../../test/support/gateway';
import { buildOpenApi, type OpenApiDocument } from './build-openapi';

type Json = Record<string, any>;

/** Follows a local `$ref` (`#/components/...`) through the document. */
function resolve(document: Json, node: Json): Json {
  if (typeof node.$ref !== 'string') return node;
  const target = node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json | undefined>((at, key) => at?.[key], document);
  if (target === undefined) throw new Error(`Unresolved $ref ${node.$ref}`);
  return resolve(document, target);
}

function allRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => allRefs(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else allRefs(value, found);
    }
  }
  return found;
}

function jsonSchemaOf(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Json;
  return rest;
}

describe('GET /openapi.json', () => {
  it('serves the same OpenAPI 3.1 document bare and under the stage prefix', async () => {
    const gateway = createTestGateway();
    const bare = await request(gateway.app).get('/openapi.json');
    const prefixed = await request(gateway.app).get('/dev/openapi.json');
    expect(bare.status).toBe(200);
    expect(bare.body.openapi).toMatch(/^3\.1\.\d+$/);
    expect(prefixed.body).toEqual(bare.body);
  });
});

describe('the OpenAPI document', () => {
  const document: Json = buildOpenApi({ stage: 'dev' }) satisfies OpenApiDocument;

  it('looks like a valid OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: expect.any(String), version: expect.any(String), description: expect.any(String) });
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }, { url: '/dev', description: expect.any(String) }]);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path.startsWith('/')).toBe(true);
      for (const operation of Object.values(item as Json)) {
        expect(operation).toEqual(expect.objectContaining({ operationId: expect.any(String), responses: expect.any(Object) }));
      }
    }
    const operationIds = Object.values(document.paths).flatMap((item) => Object.values(item as Json).map((op: Json) => op.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('resolves every $ref', () => {
    const refs = allRefs(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(() => resolve(document, { $ref: ref })).not.toThrow();
  });

  it('has every route of the contract, the command routes generated from the catalogue', () => {
    const expected = [
      // A reservation's step is its own estado_url.
      ...COMMANDS.flatMap((entry) => (idInPath(entry) ? [entry.route] : [entry.route, `${entry.route}/{orden_id}`])),
      '/obtener-inventario',
      '/productos/{producto_id}',
      '/productos/{producto_id}/movimientos',
      '/ubicaciones/{ubicacion_id}/productos',
      '/health',
      '/ready',
      '/openapi.json',
    ];
    expect(Object.keys(document.paths).sort()).toEqual(expected.sort());
    for (const entry of COMMANDS.filter((candidate) => !idInPath(candidate))) {
      expect(Object.keys(document.paths[entry.route])).toEqual(['post']);
      expect(Object.keys(document.paths[`${entry.route}/{orden_id}`])).toEqual(['get']);
    }
    for (const entry of COMMANDS.filter(idInPath)) expect(Object.keys(document.paths[entry.route])).toEqual(['post', 'get']);
  });

  describe.each(COMMANDS.map((entry) => [entry.route, entry] as const))('POST %s', (route, entry) => {
    const operation = () => document.paths[route].post as Json;

    it('takes X-Signature (required), Idempotency-Key and x-correlation-id headers (a step: its id in the path instead of Idempotency-Key)', () => {
      const parameters = (operation().parameters as Json[]).map((p) => resolve(document, p));
      expect(parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'X-Signature', in: 'header', required: true }),
          expect.objectContaining({ name: 'x-correlation-id', in: 'header', required: false }),
        ]),
      );
      const idempotencyKey = expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false });
      const pathId = expect.objectContaining({ name: 'orden_id', in: 'path', required: true });
      if (idInPath(entry)) {
        expect(parameters).toContainEqual(pathId);
        expect(parameters).not.toContainEqual(idempotencyKey);
        expect(operation().requestBody.required).toBe(false);
      } else {
        expect(parameters).toContainEqual(idempotencyKey);
        expect(operation().requestBody.required).toBe(true);
      }
    });

    it('answers 202 with Location and {mensaje, orden_id, estado_url, sns_message_id}', () => {
      const accepted = resolve(document, operation().responses['202']);
      expect(Object.keys(accepted.headers)).toEqual(expect.arrayContaining(['Location', 'x-correlation-id']));
      const schema = resolve(document, accepted.content['application/json'].schema);
      expect(Object.keys(schema.properties).sort()).toEqual(['estado_url', 'mensaje', 'orden_id', 'sns_message_id']);
    });

    it('documents every error of a command with the error shape', () => {
      const responses = operation().responses as Json;
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['400', '401', '413', '415', '503']));
      for (const status of ['400', '401', '405', '413', '415', '503']) {
        const schema = resolve(document, resolve(document, responses[status]).content['application/json'].schema);
        expect(schema.required).toEqual(['error', 'codigo']);
        expect(Object.keys(schema.properties)).toEqual(['error', 'codigo', 'detalles']);
      }
      expect(Object.keys(resolve(document, responses['503']).headers)).toContain('Retry-After');
    });
  });

  it("takes the command bodies from inventory-core's zod schemas: purchase is a oneOf of its two forms", () => {
    const compra = resolve(document, document.paths['/orden-compra'].post.requestBody.content['application/json'].schema);
    expect(compra.oneOf).toEqual([jsonSchemaOf(purchaseSingleBodySchema), jsonSchemaOf(purchaseItemsBodySchema)]);
    const venta = resolve(document, document.paths['/orden-venta'].post.requestBody.content['application/json'].schema);
    expect(venta.oneOf).toHaveLength(2);
    const baja = resolve(document, document.paths['/eliminar-productos'].post.requestBody.content['application/json'].schema);
    expect(baja).toEqual({ description: expect.any(String), ...jsonSchemaOf(deleteBodySchema) });
  });

  it("takes the new bodies from inventory-core's zod schemas: transfer, hold and the two steps", () => {
    const body = (path: string) => resolve(document, document.paths[path].post.requestBody.content['application/json'].schema);
    expect(body('/transferir-stock')).toEqual({ description: expect.any(String), ...jsonSchemaOf(transferBodySchema) });
    expect(body('/reservas')).toEqual({ description: expect.any(String), ...jsonSchemaOf(holdBodySchema) });
    expect(body('/reservas/{orden_id}/confirmar')).toEqual({ description: expect.any(String), ...jsonSchemaOf(reservationStepBodySchema) });
    expect(body('/reservas/{orden_id}/liberar')).toEqual({ description: expect.any(String), ...jsonSchemaOf(reservationStepBodySchema) });
    expect(body('/orden-venta').oneOf[0].properties).toHaveProperty('ubicacion_id');
  });

  it("answers a step's outcome on its own path, and the hold on CrearReserva's estado_url", () => {
    const okSchema = (path: string) => resolve(document, resolve(document, document.paths[path].get.responses['200']).content['application/json'].schema);
    expect(okSchema('/reservas/{orden_id}/confirmar')).toEqual(resolve(document, document.components.schemas.ResultadoComando));
    const reserva = okSchema('/reservas/{orden_id}');
    expect(reserva.anyOf.map((form: Json) => form.properties.estado.enum)).toEqual([
      ['ACTIVA', 'CONFIRMADA', 'LIBERADA', 'EXPIRADA'],
      ['PENDIENTE', 'RECHAZADA'],
    ]);
    expect(Object.keys(document.paths['/reservas/{orden_id}/liberar'].get.responses)).toContain('404');
  });

  it('documents the stock per location: product detail, the location listing, ledger and outcome lines', () => {
    const okSchema = (path: string) => resolve(document, resolve(document, document.paths[path].get.responses['200']).content['application/json'].schema);
    const product = okSchema('/productos/{producto_id}');
    expect(Object.keys(product.properties)).toEqual(['producto_id', 'nombre', 'stock', 'precio', 'estado', 'ubicaciones']);
    expect(Object.keys(product.properties.ubicaciones.items.properties)).toEqual(['ubicacion_id', 'stock', 'reservado', 'disponible']);
    const listing = document.paths['/ubicaciones/{ubicacion_id}/productos'].get as Json;
    expect(Object.keys(listing.responses)).toEqual(expect.arrayContaining(['200', '400']));
    expect(Object.keys(okSchema('/ubicaciones/{ubicacion_id}/productos').properties.data.items.properties)).toEqual([
      'producto_id',
      'nombre',
      'estado',
      'ubicacion_id',
      'stock',
      'reservado',
      'disponible',
    ]);
    const ledger = resolve(document, document.components.schemas.PaginaMovimientos).properties.data.items;
    expect(ledger.properties.tipo.enum).toContain('TRANSFERENCIA');
    expect(ledger.required).not.toContain('ubicacion_id');
    const line = resolve(document, document.components.schemas.ResultadoComando).properties.lineas.items;
    expect(line.required).toEqual(['producto_id', 'cantidad', 'stock_resultante']);
    expect(Object.keys(line.properties)).toEqual(expect.arrayContaining(['ubicacion_id', 'stock_ubicacion', 'reservado', 'disponible']));
  });

  it('documents the pagination parameters of the reads', () => {
    const inventory = document.paths['/obtener-inventario'].get as Json;
    const parameters = (inventory.parameters as Json[]).map((p) => resolve(document, p));
    expect(parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 1000 }) }),
        expect.objectContaining({ name: 'cursor', in: 'query' }),
        expect.objectContaining({ name: 'solo_activos', in: 'query' }),
      ]),
    );
  });

  it('follows the catalogue it is given', () => {
    const [first] = COMMANDS;
    if (!first) throw new Error('empty catalogue');
    const only = buildOpenApi({ stage: 'qa', commands: [first] });
    expect(Object.keys(only.paths)).toContain(first.route);
    expect(Object.keys(only.paths).filter((path) => COMMANDS.some((entry) => path.startsWith(entry.route)))).toHaveLength(2);
    expect(only.servers[1]?.url).toBe('/qa');
  });

  it('has no dialect of its own inside: JSON Schema 2020-12 is the document dialect of OpenAPI 3.1', () => {
    expect(JSON.stringify(document)).not.toContain('"$schema"');
  });

  it("lists every codigo the gateway answers errors with, 429's DEMASIADAS_SOLICITUDES among them", () => {
    const codigo = resolve(document, document.components.schemas.Error).properties.codigo;
    expect(codigo.enum).toEqual([...ERROR_CODES]);
    expect(codigo.enum).toContain('DEMASIADAS_SOLICITUDES');
  });

  it("lists an outcome's rejection codes, the system's own MENSAJE_INVALIDO and MENSAJE_CADUCADO among them", () => {
    const motivo = resolve(document, resolve(document, document.components.schemas.ResultadoComando).properties.motivo);
    expect(resolve(document, motivo.properties.codigo).enum).toEqual([...REJECTION_CODES]);
    expect(REJECTION_CODES).toEqual(expect.arrayContaining(['MENSAJE_INVALIDO', 'MENSAJE_CADUCADO', 'RESERVA_NO_EXISTE', 'RESERVA_EXPIRADA', 'RESERVA_NO_ACTIVA']));
  });

  it('describes the request-bound v2 signature and SIGNATURE_V1 in the X-Signature parameter', () => {
    const description: string = document.components.parameters.XSignature.description;
    expect(description).toContain('v2=<hex>');
    expect(description).toContain('<t>.<METHOD>.<path>.');
    expect(description).toContain('SIGNATURE_V1=false');
  });
});
