import { COMMANDS, commandPath, idInPath, type CommandEntry } from '@inventario/events';
import { parseCommandBody, isValidOrdenId, type CommandType } from '@inventario/inventory-core';
import { signLegacy, signTimestamped } from '@inventario/signature';
import fc from 'fast-check';

/** The two keys of the ring under test (a rotation in progress). */
export const KEYS = ['hostile-key-new', 'hostile-key-old'] as const;
/** Largest body the contract accepts. */
export const LIMIT = 65_536;

/** How a generated request's body is made, from a valid body of its route. */
export type BodySpec =
  | { kind: 'valid'; ordenId: 'own' | 'none' | 'integer' }
  | { kind: 'field-replaced'; field: string; value: unknown }
  | { kind: 'field-deleted'; field: string }
  | { kind: 'prototype-key'; key: '__proto__' | 'constructor' | 'prototype'; hidden: string }
  | { kind: 'odd-number'; field: 'cantidad' | 'precio'; literal: string }
  | { kind: 'duplicate-key'; field: string; value: unknown }
  | { kind: 'encoding'; encoding: 'utf16le' | 'latin1' | 'bom' | 'nul' }
  | { kind: 'padded'; pad: string }
  | { kind: 'sized'; size: number }
  | { kind: 'deep'; depth: number }
  | { kind: 'random-bytes'; bytes: Uint8Array }
  | { kind: 'random-json'; value: unknown }
  | { kind: 'empty' };

/** How `X-Signature` is made. */
export type SignatureSpec =
  | 'timestamped'
  | 'timestamped-old-key'
  | 'legacy'
  | 'legacy-old-key'
  | 'multi-v1'
  | 'absent'
  | 'empty'
  | 'other-key'
  | 'other-bytes'
  | 'stale'
  | 'future'
  | 'garbage'
  | 'legacy-wrong-length';

/** One generated request, before it is made into bytes. */
export interface RequestSpec {
  method: 'POST' | 'GET' | 'PUT' | 'DELETE' | 'PATCH';
  entry: CommandEntry;
  prefix: '' | '/dev';
  path: 'exact' | 'trailing-slash' | 'upper-case' | 'unknown' | 'encoded';
  base: Record<string, unknown>;
  body: BodySpec;
  contentType: { value: string | null; json: boolean };
  signature: SignatureSpec;
  garbage: string;
  skewSeconds: number;
  correlationId: string | undefined;
  idempotencyKey: string | undefined;
  forwardedFor: string | undefined;
}

/** Text a header may carry (visible ASCII and spaces), as a client library would send it. */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

const productoId = fc.stringMatching(/^PRO[0-9]{3,12}$/);
const cantidad = fc.integer({ min: 1, max: 1_000_000 });
const precio = fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100);
const ubicacionId = fc.oneof(fc.constant('CENTRAL'), fc.stringMatching(/^[A-Z0-9_-]{1,32}$/));
const nombre = fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }).filter((text) => text.trim() !== '');

/** A body that keeps every rule of its route (without `orden_id`). */
function validBase(type: CommandType): fc.Arbitrary<Record<string, unknown>> {
  switch (type) {
    case 'OrdenCompra':
      return fc.oneof(
        fc.record({ producto_id: productoId, cantidad, nombre, precio }),
        fc.record({ items: fc.uniqueArray(fc.record({ producto_id: productoId, cantidad, nombre, precio }), { minLength: 1, maxLength: 5, selector: (line) => line.producto_id }) }),
      );
    case 'OrdenVenta':
      return fc.oneof(
        fc.record({ producto_id: productoId, cantidad }),
        fc.record({ items: fc.uniqueArray(fc.record({ producto_id: productoId, cantidad }), { minLength: 1, maxLength: 5, selector: (line) => line.producto_id }) }),
      );
    case 'ActualizarProducto':
      return fc.record(
        { producto_id: productoId, nombre, precio, cantidad: fc.integer({ min: 0, max: 1_000_000 }), estado: fc.constantFrom<unknown>(true, false, 'true', 'false') },
        { requiredKeys: ['producto_id'] },
      );
    case 'EliminarProducto':
      return fc.record({ producto_id: productoId });
    case 'TransferirStock':
      return fc.record({ producto_id: productoId, desde: ubicacionId, hacia: ubicacionId, cantidad });
    case 'CrearReserva':
      return fc.record(
        {
          items: fc.uniqueArray(fc.record({ producto_id: productoId, cantidad, ubicacion_id: ubicacionId }, { requiredKeys: ['producto_id', 'cantidad'] }), {
            minLength: 1,
            maxLength: 5,
            selector: (line) => line.producto_id,
          }),
          expira_en_s: fc.integer({ min: 60, max: 86_400 }),
        },
        { requiredKeys: ['items'] },
      );
    case 'ConfirmarReserva':
    case 'LiberarReserva':
      // The path names the hold: the body has nothing else to say.
      return fc.constant({});
  }
}

/** Values no field of the contract takes: wrong types, empties, huge and odd numbers, operators. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(null, '', ' ', 0, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 1_000_001, 0.5, true, [], {}, { $gt: 0 }, 'PRO', 'pro001', 'x'.repeat(201)),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const bodySpec: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('valid' as const), ordenId: fc.constantFrom('own' as const, 'own' as const, 'none' as const, 'integer' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('field-replaced' as const), field: fc.constantFrom('orden_id', 'producto_id', 'cantidad', 'precio', 'nombre', 'estado', 'items'), value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('field-deleted' as const), field: fc.constantFrom('producto_id', 'cantidad', 'items', 'nombre') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('prototype-key' as const), key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const), hidden: fc.constantFrom('producto_id', 'cantidad', 'items', 'orden_id') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('odd-number' as const),
      field: fc.constantFrom('cantidad' as const, 'precio' as const),
      literal: fc.constantFrom('1e400', '-1e400', '-0', '0.0', '1.0', '1e2', '1E0', '0x10', '01', '.5', '5.', '9007199254740993', '1e-400', '123456789012345678901234567890', 'NaN', 'Infinity', '+1', '1_000', '١'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-key' as const), field: fc.constantFrom('cantidad', 'producto_id', 'orden_id'), value: wrongValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('encoding' as const), encoding: fc.constantFrom('utf16le' as const, 'latin1' as const, 'bom' as const, 'nul' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('padded' as const), pad: fc.stringMatching(/^[ \t\r\n]{1,20}$/) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sized' as const), size: fc.oneof(fc.integer({ min: LIMIT - 3, max: LIMIT + 3 }), fc.integer({ min: LIMIT + 4, max: 300_000 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 100, max: 32_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random-bytes' as const), bytes: fc.uint8Array({ maxLength: 2_048 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random-json' as const), value: fc.jsonValue({ maxDepth: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('empty' as const) }) },
);

const contentType = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom<{ value: string | null; json: boolean }>(
      { value: 'application/json', json: true },
      { value: 'application/json; charset=utf-8', json: true },
      { value: 'APPLICATION/JSON', json: true },
      { value: 'application/vnd.inventario+json', json: true },
      { value: 'application/json; charset=utf-16', json: true },
      { value: null, json: true },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<{ value: string | null; json: boolean }>(
      { value: 'text/plain', json: false },
      { value: 'application/x-www-form-urlencoded', json: false },
      { value: 'multipart/form-data; boundary=x', json: false },
      { value: 'text/json', json: false },
      { value: 'application/jsonp', json: false },
    ),
  },
);

const signatureSpec = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<SignatureSpec>('timestamped', 'timestamped-old-key', 'legacy', 'legacy-old-key', 'multi-v1') },
  {
    weight: 2,
    arbitrary: fc.constantFrom<SignatureSpec>('absent', 'empty', 'other-key', 'other-bytes', 'stale', 'future', 'garbage', 'legacy-wrong-length'),
  },
);

/** Any request a client, a fuzzer or an attacker could send to a command route. */
export const requestSpec: fc.Arbitrary<RequestSpec> = fc
  .record({
    method: fc.oneof({ weight: 9, arbitrary: fc.constant('POST' as const) }, { weight: 1, arbitrary: fc.constantFrom('GET' as const, 'PUT' as const, 'DELETE' as const, 'PATCH' as const) }),
    entry: fc.constantFrom(...COMMANDS),
    prefix: fc.constantFrom('' as const, '/dev' as const),
    path: fc.oneof(
      { weight: 9, arbitrary: fc.constant('exact' as const) },
      { weight: 1, arbitrary: fc.constantFrom('trailing-slash' as const, 'upper-case' as const, 'unknown' as const, 'encoded' as const) },
    ),
    body: bodySpec,
    contentType,
    signature: signatureSpec,
    garbage: headerText(120),
    skewSeconds: fc.integer({ min: 301, max: 10 ** 9 }),
    correlationId: fc.option(fc.oneof(headerText(140), fc.stringMatching(/^[A-Za-z0-9_.:-]{1,128}$/)), { nil: undefined }),
    idempotencyKey: fc.option(fc.oneof(headerText(80), fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/)), { nil: undefined }),
    forwardedFor: fc.option(fc.ipV4(), { nil: undefined }),
  })
  .chain((spec) => validBase(spec.entry.type).map((base) => ({ ...spec, base })));

/** The request as bytes and headers, ready to send. */
export interface MadeRequest {
  path: string;
  raw: Buffer;
  headers: Record<string, string>;
  /** The `orden_id` this request's body names, when it names one the gateway would keep. */
  ordenId: string | undefined;
  /** The id in the path, for a route that names its command there. */
  pathOrdenId: string | undefined;
  /** The signature's hex digests, which no log may hold. */
  digests: string[];
}

/** Makes the bytes and headers of a request; `uniqueId` names its command so no other request shares it. */
export function makeRequest(spec: RequestSpec, uniqueId: string, uniqueNumber: number, nowSeconds: number): MadeRequest {
  const withId = { ...spec.base, ...idOf(spec.body, uniqueId, uniqueNumber) };
  const raw = bodyBytes(spec.body, withId);
  const headers: Record<string, string> = {};
  if (spec.contentType.value !== null) headers['Content-Type'] = spec.contentType.value;
  const signature = signatureHeader(spec, raw, nowSeconds);
  if (signature !== undefined) headers['X-Signature'] = signature;
  if (spec.correlationId !== undefined) headers['x-correlation-id'] = spec.correlationId;
  if (spec.idempotencyKey !== undefined) headers['Idempotency-Key'] = spec.idempotencyKey;
  if (spec.forwardedFor !== undefined) headers['X-Forwarded-For'] = spec.forwardedFor;
  const claimed = typeof withId.orden_id === 'string' ? withId.orden_id : undefined;
  return {
    path: pathOf(spec, uniqueId),
    pathOrdenId: idInPath(spec.entry) ? uniqueId : undefined,
    raw,
    headers,
    ordenId: claimed !== undefined && isValidOrdenId(claimed) ? claimed : undefined,
    digests: [...(signature ?? '').matchAll(/[0-9a-fA-F]{64}/g)].map((match) => match[0]),
  };
}

function idOf(body: BodySpec, uniqueId: string, uniqueNumber: number): Record<string, unknown> {
  if (body.kind === 'valid' && body.ordenId === 'none') return {};
  if (body.kind === 'valid' && body.ordenId === 'integer') return { orden_id: uniqueNumber };
  return { orden_id: uniqueId };
}

function pathOf(spec: RequestSpec, uniqueId: string): string {
  const route = commandPath(spec.entry, uniqueId);
  const path = {
    exact: route,
    'trailing-slash': `${route}/`,
    'upper-case': route.toUpperCase(),
    unknown: `${route}-x`,
    // Encode a character of the route itself: a step's `-` may be in its id, where encoding it names the same id; `/reservas` has none.
    encoded: idInPath(spec.entry) || !route.includes('-') ? route.replace('r', '%72') : route.replace('-', '%2D'),
  }[spec.path];
  return `${spec.prefix}${path}`;
}

function bodyBytes(spec: BodySpec, body: Record<string, unknown>): Buffer {
  const json = JSON.stringify(body);
  switch (spec.kind) {
    case 'valid':
      return Buffer.from(json);
    case 'field-replaced':
      return Buffer.from(JSON.stringify({ ...body, [spec.field]: spec.value }) ?? json);
    case 'field-deleted': {
      const { [spec.field]: _deleted, ...rest } = body;
      return Buffer.from(JSON.stringify(rest));
    }
    case 'prototype-key': {
      // The field's value moved into a prototype key: it must not count as the field.
      const { [spec.hidden]: hidden, ...rest } = body;
      const inner = spec.key === 'constructor' ? { prototype: { [spec.hidden]: hidden ?? 1 } } : { [spec.hidden]: hidden ?? 1 };
      return Buffer.from(`{"${spec.key}":${JSON.stringify(inner)},${JSON.stringify(rest).slice(1)}`);
    }
    case 'odd-number':
      return Buffer.from(`{"${spec.field}":${spec.literal},${JSON.stringify(withoutKey(body, spec.field)).slice(1)}`.replace(/,}$/, '}'));
    case 'duplicate-key':
      return Buffer.from(`${json.slice(0, -1)}${json === '{}' ? '' : ','}"${spec.field}":${JSON.stringify(spec.value ?? null)}}`);
    case 'encoding':
      if (spec.encoding === 'utf16le') return Buffer.from(json, 'utf16le');
      if (spec.encoding === 'latin1') return Buffer.from(JSON.stringify({ ...body, nombre: 'Año ñandú' }), 'latin1');
      if (spec.encoding === 'bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]);
      return Buffer.from(json.replace('{', '{\u0000'));
    case 'padded':
      return Buffer.from(`${spec.pad}${json}${spec.pad}`);
    case 'sized': {
      const prefix = `{"relleno":"`;
      const suffix = `",${json.slice(1)}`;
      const fill = Math.max(0, spec.size - Buffer.byteLength(prefix) - Buffer.byteLength(suffix));
      return Buffer.from(prefix + 'x'.repeat(fill) + suffix);
    }
    case 'deep':
      return Buffer.from(`{"items":${'['.repeat(spec.depth)}${']'.repeat(spec.depth)},${json.slice(1)}`);
    case 'random-bytes':
      return Buffer.from(spec.bytes);
    case 'random-json':
      return Buffer.from(JSON.stringify(spec.value) ?? 'null');
    case 'empty':
      return Buffer.alloc(0);
  }
}

function withoutKey(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = body;
  return rest;
}

function signatureHeader(spec: RequestSpec, raw: Buffer, now: number): string | undefined {
  const [key, oldKey] = KEYS;
  switch (spec.signature) {
    case 'timestamped':
      return signTimestamped(key, raw, now);
    case 'timestamped-old-key':
      return signTimestamped(oldKey, raw, now);
    case 'legacy':
      return signLegacy(key, raw);
    case 'legacy-old-key':
      return signLegacy(oldKey, raw);
    case 'multi-v1':
      return `t=${now},v1=${'ab'.repeat(32)},${signTimestamped(oldKey, raw, now).split(',')[1]}`;
    case 'absent':
      return undefined;
    case 'empty':
      return '';
    case 'other-key':
      return signTimestamped('not-a-key-of-the-ring', raw, now);
    case 'other-bytes':
      return signTimestamped(key, Buffer.concat([raw, Buffer.from(' ')]), now);
    case 'stale':
      return signTimestamped(key, raw, now - spec.skewSeconds);
    case 'future':
      return signTimestamped(key, raw, now + spec.skewSeconds);
    case 'garbage':
      return spec.garbage;
    case 'legacy-wrong-length':
      return signLegacy(key, raw).slice(0, 63);
  }
}

/** The answers the contract allows a request, given how it was made. */
export interface Expectation {
  /** Allowed `status codigo` pairs (`202` alone for an acceptance). */
  answers: string[];
}

/**
 * What the contract says the gateway must answer, checks in its order: size (413), content type (415),
 * signature (401), JSON (400 `JSON_INVALIDO`), rules (400 `VALIDACION`), else 202. A path other than the
 * exact route may name no route (404) or the route itself (the router ignores case and a trailing slash).
 */
export function expectedAnswers(spec: RequestSpec, made: MadeRequest): Expectation {
  const routeAnswers = spec.method === 'POST' ? postAnswers(spec, made) : otherMethodAnswers(spec);
  if (spec.path === 'exact') return { answers: routeAnswers };
  if (spec.path === 'unknown' || spec.path === 'encoded') return { answers: ['404 NO_ENCONTRADO'] };
  // Routed here, but not the route as written: a step's id is read from the path as written only.
  const notAsWritten = idInPath(spec.entry) && spec.method === 'POST' ? ['400 VALIDACION'] : [];
  return { answers: [...routeAnswers, ...notAsWritten, '404 NO_ENCONTRADO'] };
}

/** A step's path is its estado_url too: GET reads an outcome, none for a new id. */
function otherMethodAnswers(spec: RequestSpec): string[] {
  return idInPath(spec.entry) && spec.method === 'GET' ? ['404 NO_ENCONTRADO'] : ['405 METODO_NO_PERMITIDO'];
}

function postAnswers(spec: RequestSpec, made: MadeRequest): string[] {
  if (made.raw.length > LIMIT) return ['413 CUERPO_DEMASIADO_GRANDE'];
  if (!spec.contentType.json) return ['415 TIPO_NO_SOPORTADO'];
  const signature = signatureAnswers(spec);
  if (signature) return signature;
  const parsed = made.raw.length === 0 && idInPath(spec.entry) ? { ok: true as const, value: {} } : parseJson(made.raw);
  if (!parsed.ok) return ['400 JSON_INVALIDO'];
  const checked = parseCommandBody(spec.entry.type, parsed.value);
  if (!checked.ok) return ['400 VALIDACION'];
  // Every signature made here is v1 or legacy, which covers the body alone: a step's body must name its hold.
  if (idInPath(spec.entry)) return checked.ordenId === made.pathOrdenId ? ['202'] : ['400 VALIDACION'];
  const idempotencyKey = spec.idempotencyKey?.trim();
  if (checked.ordenId === undefined && idempotencyKey !== undefined && !isValidOrdenId(idempotencyKey)) return ['400 VALIDACION'];
  return ['202'];
}

function signatureAnswers(spec: RequestSpec): string[] | undefined {
  switch (spec.signature) {
    case 'absent':
    case 'empty':
      return ['401 FIRMA_AUSENTE'];
    case 'other-key':
    case 'other-bytes':
    case 'legacy-wrong-length':
      return ['401 FIRMA_INVALIDA'];
    case 'garbage':
      return spec.garbage.trim() === '' ? ['401 FIRMA_AUSENTE'] : ['401 FIRMA_INVALIDA'];
    case 'stale':
    case 'future':
      return ['401 FIRMA_EXPIRADA'];
    default:
      return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(utf8.decode(raw)) };
  } catch {
    return { ok: false };
  }
}
