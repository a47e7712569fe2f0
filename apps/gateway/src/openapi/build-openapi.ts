import { COMMANDS, idInPath, type CommandEntry } from '@inventario/events';
import { productoIdSchema, ubicacionIdSchema } from '@inventario/inventory-core';
import * as z from 'zod';
import { CORRELATION_ID_HEADER, IDEMPOTENCY_KEY_HEADER, MAX_BODY_BYTES, RETRY_AFTER_SECONDS } from '../constants';
import { commandStatusPath, READ_PATHS, toOpenApiPath } from '../routes/paths';
import { cursorParamSchema, limitParamSchema, soloActivosParamSchema } from '../routes/query-params';
import { COMMAND_BODY_SCHEMAS } from './command-body-schemas';
import {
  acceptedBodySchema,
  commandOutcomeSchema,
  errorBodySchema,
  healthSchema,
  inventoryPageSchema,
  ledgerPageSchema,
  locationPageSchema,
  productDetailSchema,
  productSchema,
  reservationReadSchema,
} from './response-schemas';

type Json = Record<string, unknown>;

/** `orden_id` as text (a header or a path segment): the rule of inventory-core's `isValidOrdenId`. */
const ORDEN_ID_TEXT: Json = { type: 'string', pattern: '^[A-Za-z0-9\\-_.:]{1,64}$' };

/** The OpenAPI 3.1 document's top level. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  paths: Record<string, Json>;
  components: { schemas: Json; parameters: Json; headers: Json; responses: Json };
}

export interface OpenApiOptions {
  /** The stage prefix every route also answers under. */
  stage: string;
  /** The command catalogue; default `COMMANDS`. */
  commands?: readonly CommandEntry[];
}

/**
 * Builds the OpenAPI 3.1 document of the gateway: one POST and one `estado_url` GET per catalogue entry,
 * the reads, health and this document. Every JSON schema comes from a zod schema through zod's own
 * `z.toJSONSchema` (draft 2020-12, which OpenAPI 3.1 uses as is); the command bodies are inventory-core's.
 *
 * @example
 * const document = buildOpenApi({ stage: 'dev' });
 * Object.keys(document.paths); // ['/orden-compra', '/orden-compra/{orden_id}', ...]
 */
export function buildOpenApi(options: OpenApiOptions): OpenApiDocument {
  const commands = options.commands ?? COMMANDS;
  const paths: Record<string, Json> = {};
  for (const entry of commands) {
    // A reservation's step is its own estado_url: one path, POST and GET.
    paths[entry.route] = { post: commandOperation(entry) };
    const status = toOpenApiPath(commandStatusPath(entry));
    paths[status] = { ...paths[status], get: entry.type === 'CrearReserva' ? reservationOperation() : commandStatusOperation(entry) };
  }
  paths[READ_PATHS.inventory] = { get: inventoryOperation() };
  paths[toOpenApiPath(READ_PATHS.product)] = { get: productOperation() };
  paths[toOpenApiPath(READ_PATHS.movements)] = { get: movementsOperation() };
  paths[toOpenApiPath(READ_PATHS.locationProducts)] = { get: locationProductsOperation() };
  paths[READ_PATHS.health] = { get: healthOperation() };
  paths[READ_PATHS.ready] = { get: readyOperation() };
  paths[READ_PATHS.openapi] = { get: openApiOperation() };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Inventario API',
      version: '1.0.0',
      description:
        'Signed commands (202, then follow estado_url) and strongly consistent reads of the inventory. ' +
        'Every POST carries X-Signature, preferably request-bound: t=<unix seconds>,v2=<hex of ' +
        'HMAC-SHA256(key, "<t>.<METHOD>.<path>." + raw body)>, the path as sent without its query, so the ' +
        'signature is good on that route only; also accepted: t=<unix seconds>,v1=<hex of HMAC-SHA256(key, ' +
        '"<t>." + raw body)> (unless SIGNATURE_V1=false) and the legacy hex of HMAC-SHA256(key, raw body) ' +
        '(unless SIGNATURE_LEGACY=false). A timestamped request without orden_id or Idempotency-Key is named ' +
        'by what it signed (firma-<t>-<hash>), so posting it again is a retry. Checks run in this order: ' +
        'size (413), content type (415), signature (401), then JSON and rules (400). An outcome may be ' +
        'RECHAZADA with MENSAJE_INVALIDO (its message could not be read as the command) or MENSAJE_CADUCADO ' +
        '(no message for it was processed within 15 days), besides the business rejections. Stock is counted ' +
        'per location (ubicacion_id, absent means CENTRAL); a reservation holds units until confirmed, ' +
        'released or expired, and its steps name it in the path (/reservas/{orden_id}/confirmar, /liberar).',
    },
    servers: [
      { url: '/', description: 'Bare routes' },
      { url: `/${options.stage}`, description: 'The same routes under the stage prefix' },
    ],
    paths,
    components: {
      schemas: {
        Error: schemaOf(errorBodySchema),
        Aceptado: schemaOf(acceptedBodySchema),
        Producto: schemaOf(productSchema),
        ProductoDetalle: schemaOf(productDetailSchema),
        PaginaUbicacion: schemaOf(locationPageSchema),
        Reserva: schemaOf(reservationReadSchema),
        PaginaInventario: schemaOf(inventoryPageSchema),
        PaginaMovimientos: schemaOf(ledgerPageSchema),
        ResultadoComando: schemaOf(commandOutcomeSchema),
        Estado: schemaOf(healthSchema),
        ...Object.fromEntries(commands.map((entry) => [bodySchemaName(entry), commandBodySchema(entry)])),
      },
      parameters: {
        XSignature: {
          name: 'X-Signature',
          in: 'header',
          required: true,
          description:
            '`t=<unix seconds>,v2=<hex>` (hex = HMAC-SHA256(key, "<t>.<METHOD>.<path>." + raw body), path as ' +
            'sent, without query; a header with a v2 is judged by its v2 alone), or `t=<unix seconds>,v1=<hex>` ' +
            '(hex = HMAC-SHA256(key, "<t>." + raw body); refused when SIGNATURE_V1=false); several v2 or v1 ' +
            'allowed (rotation); refused when t is more than 300 s from now. Or the legacy ' +
            '`<hex of HMAC-SHA256(key, raw body)>`.',
          schema: { type: 'string', examples: ['t=1700000000,v2=0123abcd...', 't=1700000000,v1=0123abcd...'] },
        },
        IdempotencyKey: {
          name: IDEMPOTENCY_KEY_HEADER,
          in: 'header',
          required: false,
          description: "Names the command when the body has no orden_id (same rule as orden_id)",
          schema: ORDEN_ID_TEXT,
        },
        CorrelationId: {
          name: CORRELATION_ID_HEADER,
          in: 'header',
          required: false,
          description: 'Kept when 1 to 128 letters, digits or -_.:; otherwise a new one is made. Echoed on every response.',
          schema: { type: 'string', pattern: '^[A-Za-z0-9\\-_.:]{1,128}$' },
        },
        Limit: { name: 'limit', in: 'query', required: false, schema: schemaOf(limitParamSchema, 'output') },
        Cursor: { name: 'cursor', in: 'query', required: false, schema: schemaOf(cursorParamSchema) },
        SoloActivos: { name: 'solo_activos', in: 'query', required: false, schema: schemaOf(soloActivosParamSchema) },
        OrdenId: {
          name: 'orden_id',
          in: 'path',
          required: true,
          description: "The command's id, as in its estado_url",
          schema: ORDEN_ID_TEXT,
        },
        ProductoId: { name: 'producto_id', in: 'path', required: true, schema: schemaOf(productoIdSchema) },
        UbicacionId: { name: 'ubicacion_id', in: 'path', required: true, schema: schemaOf(ubicacionIdSchema) },
        ReservaId: {
          name: 'orden_id',
          in: 'path',
          required: true,
          description: 'The id of the hold (the orden_id of its CrearReserva): the command is named by it; a body orden_id must be the same',
          schema: ORDEN_ID_TEXT,
        },
      },
      headers: {
        CorrelationId: { description: "The request's correlation id", schema: { type: 'string' } },
        Location: { description: "The command's estado_url", required: true, schema: { type: 'string' } },
        RetryAfter: { description: 'Seconds to wait before trying again', schema: { type: 'integer', examples: [RETRY_AFTER_SECONDS] } },
        Allow: { description: 'The methods the route answers', schema: { type: 'string' } },
      },
      responses: {
        BadRequest: errorResponse('JSON_INVALIDO (not JSON, empty) or VALIDACION (detalles names the fields)'),
        Unauthorized: errorResponse('FIRMA_AUSENTE, FIRMA_INVALIDA or FIRMA_EXPIRADA'),
        NotFound: errorResponse('NO_ENCONTRADO'),
        MethodNotAllowed: errorResponse('METODO_NO_PERMITIDO', { Allow: ref('headers', 'Allow') }),
        PayloadTooLarge: errorResponse(`CUERPO_DEMASIADO_GRANDE: the body is over ${MAX_BODY_BYTES} bytes`),
        UnsupportedMediaType: errorResponse('TIPO_NO_SOPORTADO: a Content-Type other than JSON'),
        Unavailable: errorResponse('NO_DISPONIBLE: a dependency is down; try again after Retry-After', {
          'Retry-After': ref('headers', 'RetryAfter'),
        }),
      },
    },
  };
}

function commandOperation(entry: CommandEntry): Json {
  const named = idInPath(entry);
  return {
    operationId: lowerFirst(entry.type),
    summary: entry.summary,
    tags: ['comandos'],
    // A step is named by its path: Idempotency-Key does not apply.
    parameters: named
      ? [ref('parameters', 'ReservaId'), ref('parameters', 'XSignature'), ref('parameters', 'CorrelationId')]
      : [ref('parameters', 'XSignature'), ref('parameters', 'IdempotencyKey'), ref('parameters', 'CorrelationId')],
    requestBody: {
      required: !named,
      description: named
        ? `Signed v2 (over the path): empty, or JSON of at most ${MAX_BODY_BYTES} bytes. Signed v1 or legacy (over the body alone): JSON naming the hold, {"orden_id": <the path's>}. An orden_id must be the path's; either rule broken is 400 VALIDACION on orden_id. A missing Content-Type is read as JSON.`
        : `JSON, at most ${MAX_BODY_BYTES} bytes; a missing Content-Type is read as JSON. Unknown fields are ignored.`,
      content: { 'application/json': { schema: ref('schemas', bodySchemaName(entry)) } },
    },
    responses: {
      '202': {
        description: 'Accepted: follow estado_url for the outcome',
        headers: { Location: ref('headers', 'Location'), [CORRELATION_ID_HEADER]: ref('headers', 'CorrelationId') },
        content: { 'application/json': { schema: ref('schemas', 'Aceptado') } },
      },
      '400': ref('responses', 'BadRequest'),
      '401': ref('responses', 'Unauthorized'),
      '405': ref('responses', 'MethodNotAllowed'),
      '413': ref('responses', 'PayloadTooLarge'),
      '415': ref('responses', 'UnsupportedMediaType'),
      '503': ref('responses', 'Unavailable'),
    },
  };
}

function commandStatusOperation(entry: CommandEntry): Json {
  return read({
    operationId: `estado${entry.type}`,
    summary: `Outcome of a ${entry.type} command (its estado_url)`,
    tags: ['comandos'],
    parameters: [ref('parameters', idInPath(entry) ? 'ReservaId' : 'OrdenId')],
    ok: okResponse('The outcome: PENDIENTE until processed, then APLICADA or RECHAZADA', 'ResultadoComando'),
    notFound: true,
  });
}

function inventoryOperation(): Json {
  return read({
    operationId: 'obtenerInventario',
    summary: 'Products, paginated',
    tags: ['consultas'],
    parameters: [ref('parameters', 'Limit'), ref('parameters', 'Cursor'), ref('parameters', 'SoloActivos')],
    ok: okResponse('A page of products', 'PaginaInventario'),
    badRequest: true,
  });
}

function productOperation(): Json {
  return read({
    operationId: 'obtenerProducto',
    summary: 'One product, with its stock per location',
    tags: ['consultas'],
    parameters: [ref('parameters', 'ProductoId')],
    ok: okResponse('The product; stock is the total; ubicaciones (CENTRAL first) once it has stock outside CENTRAL or units held, absent for a product kept at CENTRAL alone', 'ProductoDetalle'),
    notFound: true,
  });
}

function locationProductsOperation(): Json {
  return read({
    operationId: 'listarProductosUbicacion',
    summary: "The products of a location, with their stock, held units and disponible there, paginated",
    tags: ['consultas'],
    parameters: [ref('parameters', 'UbicacionId'), ref('parameters', 'Limit'), ref('parameters', 'Cursor')],
    ok: okResponse('A page of products of the location', 'PaginaUbicacion'),
    badRequest: true,
  });
}

function reservationOperation(): Json {
  return read({
    operationId: 'obtenerReserva',
    summary: 'A reservation (the estado_url of CrearReserva)',
    tags: ['comandos', 'consultas'],
    parameters: [ref('parameters', 'OrdenId')],
    ok: okResponse('The hold once it exists; before that, or when refused, the command as PENDIENTE or RECHAZADA', 'Reserva'),
    notFound: true,
  });
}

function movementsOperation(): Json {
  return read({
    operationId: 'listarMovimientos',
    summary: "The product's stock ledger, newest first, paginated",
    tags: ['consultas'],
    parameters: [ref('parameters', 'ProductoId'), ref('parameters', 'Limit'), ref('parameters', 'Cursor')],
    ok: okResponse('A page of ledger entries', 'PaginaMovimientos'),
    notFound: true,
    badRequest: true,
  });
}

function healthOperation(): Json {
  return read({ operationId: 'health', summary: 'The process is up', tags: ['operación'], ok: okResponse('Up', 'Estado'), unavailable: false });
}

function readyOperation(): Json {
  return read({ operationId: 'ready', summary: 'The dependencies answer', tags: ['operación'], ok: okResponse('Ready', 'Estado') });
}

function openApiOperation(): Json {
  return read({
    operationId: 'openapi',
    summary: 'This document',
    tags: ['operación'],
    ok: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } },
    unavailable: false,
  });
}

interface ReadSpec {
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: Json[];
  ok: Json;
  notFound?: boolean;
  badRequest?: boolean;
  unavailable?: boolean;
}

function read(spec: ReadSpec): Json {
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
    parameters: [...(spec.parameters ?? []), ref('parameters', 'CorrelationId')],
    responses: {
      '200': spec.ok,
      ...(spec.badRequest && { '400': ref('responses', 'BadRequest') }),
      ...(spec.notFound && { '404': ref('responses', 'NotFound') }),
      '405': ref('responses', 'MethodNotAllowed'),
      ...(spec.unavailable !== false && { '503': ref('responses', 'Unavailable') }),
    },
  };
}

function okResponse(description: string, schemaName: string): Json {
  return {
    description,
    headers: { [CORRELATION_ID_HEADER]: ref('headers', 'CorrelationId') },
    content: { 'application/json': { schema: ref('schemas', schemaName) } },
  };
}

function errorResponse(description: string, headers: Json = {}): Json {
  return {
    description,
    headers: { [CORRELATION_ID_HEADER]: ref('headers', 'CorrelationId'), ...headers },
    content: { 'application/json': { schema: ref('schemas', 'Error') } },
  };
}

/** A command's body: its one form, or a oneOf of the single-line and `items` forms. */
function commandBodySchema(entry: CommandEntry): Json {
  const forms = COMMAND_BODY_SCHEMAS[entry.type].map((schema) => schemaOf(schema));
  const [only] = forms;
  const body = forms.length === 1 && only ? only : { oneOf: forms };
  return { description: entry.summary, ...body };
}

function bodySchemaName(entry: CommandEntry): string {
  return `Cuerpo${entry.type}`;
}

/** A zod schema as JSON Schema 2020-12, without `$schema` (the document's dialect applies). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): Json {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as Json;
  return jsonSchema;
}

function ref(kind: keyof OpenApiDocument['components'], name: string): Json {
  return { $ref: `#/components/${kind}/${name}` };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
