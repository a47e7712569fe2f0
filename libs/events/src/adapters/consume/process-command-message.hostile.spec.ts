import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoInventoryStore, type CommandType } from '@inventario/inventory-core';
import { METRIC_NAMES, RecordingCommandMetrics } from '@inventario/observability';
import { signLegacy, signTimestamped } from '@inventario/signature';
import type { SQSRecord } from 'aws-lambda';
import fc from 'fast-check';
import {
  capturingLogger,
  createQueue,
  drain,
  emulatorClients,
  KEY,
  realConsumerDeps,
  signedEnvelope,
  sqsRecord,
  type EmulatorClients,
} from '../../../test/support/consumer-harness';
import { QUEUE_RETENTION_SECONDS } from '../../contract/catalogue';
import { isValidCorrelationId } from '../../contract/correlation-id';
import type { CommandEnvelope } from '../../contract/envelope';
import { processCommandMessage, type CommandConsumerDeps } from './process-command-message';
import { QUARANTINE_ATTRIBUTE, SqsDeadLetterQuarantine, type QuarantineReason } from './quarantine';
import { createSqsBatchHandler } from './sqs-batch-handler';

/** Fixed, so a failure reproduces; FC_SEED runs another sequence. */
const SEED = Number(process.env.FC_SEED ?? 5_150_001);
const BATCHES = 160;
const MIN_MESSAGES = 1_000;

/** What a generated message is meant to be, and so what must become of it. */
type Kind =
  | { kind: 'not-json'; text: string }
  | { kind: 'not-an-envelope'; value: unknown }
  | { kind: 'envelope-field-broken'; field: keyof CommandEnvelope; value: unknown; viaPrototype: boolean }
  | { kind: 'signature-tampered'; how: 'other-key' | 'other-key-legacy' | 'body-changed' | 'garbage' | 'empty' | 'other-body'; garbage: string }
  | { kind: 'wrong-type'; tipo: Exclude<CommandType, 'OrdenCompra'> }
  | { kind: 'huge'; size: number; signed: boolean }
  | { kind: 'orden-mismatch' }
  | { kind: 'rules-broken'; rawBody: string }
  | { kind: 'correlation-id-broken'; value: string; attribute: 'absent' | 'same' | 'valid' }
  | { kind: 'ocurrido-broken'; value: string }
  | { kind: 'ocurrido-skewed'; offsetMs: number }
  | { kind: 'valid' }
  | { kind: 'transient-store' }
  | { kind: 'transient-quarantine' };

const ALL_KINDS: Kind['kind'][] = [
  'not-json',
  'not-an-envelope',
  'envelope-field-broken',
  'signature-tampered',
  'wrong-type',
  'huge',
  'orden-mismatch',
  'rules-broken',
  'correlation-id-broken',
  'ocurrido-broken',
  'ocurrido-skewed',
  'valid',
  'transient-store',
  'transient-quarantine',
];

/** What a message of each kind must come to. */
function expectedReason(kind: Kind): QuarantineReason | 'APPLIED' | 'RETRIED' {
  switch (kind.kind) {
    case 'signature-tampered':
      return 'FIRMA_INVALIDA';
    case 'huge':
      return kind.signed ? 'MENSAJE_INVALIDO' : 'FIRMA_INVALIDA';
    case 'valid':
    case 'ocurrido-skewed':
      return 'APPLIED';
    case 'transient-store':
    case 'transient-quarantine':
      return 'RETRIED';
    default:
      return 'MENSAJE_INVALIDO';
  }
}

const envelopeFields: (keyof CommandEnvelope)[] = ['id', 'tipo', 'ocurrido', 'correlation_id', 'orden_id', 'cuerpo', 'firma'];
/** Values no envelope field may hold (each is text): absent, not text, and odd numbers. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, 0, -0, 1e308, -1e-308, Number.MAX_SAFE_INTEGER + 2, true, [], {}, ['x'], { $ne: null }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** Bodies a client could have signed that break the contract's rules, prototype keys and odd numbers included. */
const brokenBody = fc.oneof(
  fc.constantFrom(
    '{"orden_id":"o","producto_id":"PRO001","cantidad":0,"nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"PRO001","cantidad":1e400,"nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"PRO001","cantidad":1.5,"nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"PRO001","cantidad":-3,"nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"PRO001","cantidad":9007199254740993,"nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"PRO001","cantidad":"3","nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"PRO001","__proto__":{"cantidad":3},"nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"PRO001","constructor":{"prototype":{"cantidad":3}},"nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"XYZ","cantidad":1,"nombre":"a","precio":1}',
    '{"orden_id":"o","producto_id":"PRO001","cantidad":1,"nombre":"a","precio":1.234}',
    '{"orden_id":"o","items":[],"nombre":"a"}',
    '{"orden_id":"o","items":[{"producto_id":"PRO001","cantidad":1},{"producto_id":"PRO001","cantidad":2}]}',
    '{"orden_id":"o","producto_id":"PRO001","cantidad":1,"items":[{"producto_id":"PRO002","cantidad":1}]}',
    '{"orden_id":"con espacios","producto_id":"PRO001","cantidad":1,"nombre":"a","precio":1}',
    '[]',
    'null',
    '"texto"',
    '{',
    '',
  ),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
);

/**
 * Correlation ids a signed message may claim that break the gateway's rule: empty, too long (up to
 * 100 KB), control characters that would forge a log line, spaces, quotes, non-ASCII letters.
 */
const brokenCorrelationId = fc.oneof(
  fc.constantFrom('', ' ', 'corr id', 'corr\nINFO forged log line', 'corr\r\n', '\tcorr', 'ñandú', 'corr/../x', '<script>', 'corr"x', 'a'.repeat(129)),
  fc.integer({ min: 129, max: 100_000 }).map((length) => `largo-${'z'.repeat(length)}`),
  fc.string({ minLength: 1, maxLength: 40 }).filter((value) => !isValidCorrelationId(value)),
);

/** Acceptance dates that are not an ISO 8601 date-time. */
const brokenOcurrido = fc.oneof(
  fc.constantFrom('', 'ayer', '2026-13-01T00:00:00Z', '2026-01-01', '2026-01-01 00:00:00', '1767225600000', 'Thu, 01 Jan 2026 00:00:00 GMT', '2026-01-01T00:00:00Z\n'),
  fc.string({ maxLength: 30 }).filter((value) => !/^\d{4}-\d{2}-\d{2}T/.test(value)),
);

const RETENTION_MS = QUEUE_RETENTION_SECONDS * 1000;

const kindArbitrary: fc.Arbitrary<Kind> = fc.oneof(
  fc.record({ kind: fc.constant('not-json' as const), text: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '{', '{"tipo":', '\u0000', 'NaN', '{}}', '\uFEFF{}')) }),
  fc.record({ kind: fc.constant('not-an-envelope' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('envelope-field-broken' as const), field: fc.constantFrom(...envelopeFields), value: wrongValue, viaPrototype: fc.boolean() }),
  fc.record({
    kind: fc.constant('signature-tampered' as const),
    how: fc.constantFrom('other-key' as const, 'other-key-legacy' as const, 'body-changed' as const, 'garbage' as const, 'empty' as const, 'other-body' as const),
    garbage: fc.string({ maxLength: 200 }),
  }),
  fc.record({ kind: fc.constant('wrong-type' as const), tipo: fc.constantFrom('OrdenVenta' as const, 'ActualizarProducto' as const, 'EliminarProducto' as const) }),
  fc.record({ kind: fc.constant('huge' as const), size: fc.integer({ min: 65_537, max: 200_000 }), signed: fc.boolean() }),
  fc.record({ kind: fc.constant('orden-mismatch' as const) }),
  fc.record({ kind: fc.constant('rules-broken' as const), rawBody: brokenBody }),
  fc.record({
    kind: fc.constant('correlation-id-broken' as const),
    value: brokenCorrelationId,
    attribute: fc.constantFrom('absent' as const, 'same' as const, 'valid' as const),
  }),
  fc.record({ kind: fc.constant('ocurrido-broken' as const), value: brokenOcurrido }),
  // A valid date-time in the future (an hour at least, so the run's own time never catches up with it)
  // or beyond the queue's retention in the past: applied, never timed.
  fc.record({
    kind: fc.constant('ocurrido-skewed' as const),
    offsetMs: fc.oneof(fc.integer({ min: 3_600_000, max: 1e12 }), fc.integer({ min: RETENTION_MS + 60_000, max: 1e12 }).map((ms) => -ms)),
  }),
  fc.record({ kind: fc.constant('valid' as const) }),
  fc.record({ kind: fc.constant('transient-store' as const) }),
  fc.record({ kind: fc.constant('transient-quarantine' as const) }),
);

/** One generated message, with the product and order it claims, to check none of them was applied. */
interface Generated {
  kind: Kind;
  record: SQSRecord;
  productoId: string;
  ordenId: string;
  secrets: string[];
}

let counter = 0;

/** Characters an SQS message body may hold; nothing else can ever reach a consumer. */
const NOT_SQS_TEXT = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu;

/** A body as SQS could deliver it: never empty, only the characters SQS accepts. */
function deliverable(text: string): string {
  const cleaned = text.replace(NOT_SQS_TEXT, '?');
  return cleaned === '' ? ' ' : cleaned;
}

/** Builds the message a kind describes around a fresh product and order no other message names. */
function materialize(kind: Kind): Generated {
  counter += 1;
  const productoId = `PRO${String(SEED).padStart(8, '0')}${String(counter).padStart(6, '0')}`;
  const ordenId = `hostil-${SEED}-${counter}`;
  const raw = JSON.stringify({ orden_id: ordenId, producto_id: productoId, cantidad: 2, nombre: 'Hostil', precio: 1 });
  const envelope = signedEnvelope(raw, { orden_id: ordenId, correlation_id: `corr-${ordenId}` });
  const secrets = [envelope.firma.split('v1=')[1] ?? ''];
  const asRecord = (body: unknown, attribute: string | undefined) => sqsRecord(deliverable(typeof body === 'string' ? body : JSON.stringify(body)), attribute);
  const made = (body: unknown, extraSecrets: string[] = [], attribute: string | undefined = envelope.correlation_id): Generated => ({
    kind,
    record: asRecord(body, attribute),
    productoId,
    ordenId,
    secrets: [...secrets, ...extraSecrets],
  });

  switch (kind.kind) {
    case 'not-json':
      return made(kind.text.trim() === '' ? kind.text : `${kind.text}{`);
    case 'not-an-envelope':
      return made(JSON.stringify(kind.value) ?? 'null');
    case 'envelope-field-broken': {
      const { [kind.field]: original, ...rest } = envelope;
      const broken = kind.value === undefined ? rest : { ...rest, [kind.field]: kind.value };
      // The field's real value hidden in a prototype key must not count as the field.
      const text = JSON.stringify(broken);
      return made(kind.viaPrototype ? `{"__proto__":${JSON.stringify({ [kind.field]: original })},${text.slice(1)}` : text);
    }
    case 'signature-tampered': {
      const firma = {
        'other-key': signTimestamped('clave-de-otro', raw),
        'other-key-legacy': signLegacy('clave-de-otro', raw),
        'body-changed': envelope.firma,
        garbage: kind.garbage,
        empty: '',
        'other-body': signTimestamped(KEY, raw.replace('"cantidad":2', '"cantidad":200')),
      }[kind.how];
      const cuerpo = kind.how === 'body-changed' ? Buffer.from(raw.replace('"cantidad":2', '"cantidad":200')).toString('base64') : envelope.cuerpo;
      return made({ ...envelope, firma, cuerpo }, [firma.split('v1=')[1] ?? firma]);
    }
    case 'wrong-type':
      return made({ ...envelope, tipo: kind.tipo });
    case 'huge': {
      const padded = raw.replace('{', `{"relleno":"${'x'.repeat(Math.floor((kind.size * 3) / 4))}",`);
      const bytes = Buffer.from(padded);
      const firma = kind.signed ? signTimestamped(KEY, bytes) : signTimestamped('clave-de-otro', bytes);
      // Signed with the right key, the huge body is still refused: its envelope names another order.
      return made({ ...envelope, orden_id: kind.signed ? `${ordenId}-otra` : ordenId, cuerpo: bytes.toString('base64'), firma }, [padded.slice(0, 200)]);
    }
    case 'orden-mismatch':
      return made({ ...envelope, orden_id: `${ordenId}-otra` });
    case 'rules-broken': {
      const body = kind.rawBody.replaceAll('PRO001', productoId).replace('"o"', JSON.stringify(ordenId));
      return made(signedEnvelope(body, { orden_id: ordenId, correlation_id: envelope.correlation_id }));
    }
    case 'correlation-id-broken': {
      // Republished to the topic with the signed body intact: only the correlation id is the attacker's.
      const value = deliverable(kind.value);
      const attribute = { absent: undefined, same: value, valid: envelope.correlation_id }[kind.attribute];
      return made({ ...envelope, correlation_id: value }, value.length >= 16 ? [value] : [], attribute);
    }
    case 'ocurrido-broken':
      return made({ ...envelope, ocurrido: kind.value });
    case 'ocurrido-skewed':
      return made({ ...envelope, ocurrido: new Date(Date.now() + kind.offsetMs).toISOString() });
    case 'valid':
    case 'transient-store':
      return made(envelope);
    case 'transient-quarantine':
      return made({ ...envelope, firma: signTimestamped('clave-de-otro', raw) });
  }
}

let clients: EmulatorClients;
let deadLetterQueueUrl: string;

beforeAll(async () => {
  clients = emulatorClients();
  deadLetterQueueUrl = await createQueue(clients.sqs, 'hostile-dlq');
});

afterAll(() => clients.destroy());

describe('consumers under hostile and corrupted messages', () => {
  it(`apply none, crash on none, keep and count every tampered one, and retry transient failures (${BATCHES} batches, >= ${MIN_MESSAGES} messages, seed ${SEED})`, async () => {
    console.info(`fast-check seed ${SEED} (set FC_SEED to run another sequence)`);
    const { logger, lines } = capturingLogger();
    const metrics = new RecordingCommandMetrics();
    const deps = realConsumerDeps(clients, { deadLetterQueueUrl, logger, metrics });
    const unreachableStore = new DynamoInventoryStore({
      client: new DynamoDBClient({ region: clients.config.region, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }),
      tables: clients.config.tables,
    });
    const unreachableSqs = new SQSClient({ region: clients.config.region, endpoint: 'http://127.0.0.1:9', maxAttempts: 1, useQueueUrlAsEndpoint: false });
    const depsFor: Record<string, CommandConsumerDeps> = {
      'transient-store': { ...deps, applier: unreachableStore },
      'transient-quarantine': { ...deps, quarantine: new SqsDeadLetterQuarantine({ client: unreachableSqs, deadLetterQueueUrl }) },
    };
    const expectedKept = new Map<QuarantineReason, number>();
    const secrets: string[] = [];
    const seen = new Map<string, number>();
    const skewed = new Set<string>();
    let messages = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(kindArbitrary, { minLength: 7, maxLength: 10 }), async (kinds) => {
        const batch = kinds.map(materialize);
        const byRecord = new Map(batch.map((message) => [message.record, message]));
        const handler = createSqsBatchHandler((record) => {
          const kind = byRecord.get(record)?.kind.kind ?? '';
          return processCommandMessage(record, depsFor[kind] ?? deps);
        });

        const response = await handler({ Records: batch.map((message) => message.record) });

        const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
        expect(batch.filter((message) => failed.has(message.record.messageId)).map((message) => message.kind)).toEqual(
          batch.filter((message) => expectedReason(message.kind) === 'RETRIED').map((message) => message.kind),
        );
        for (const message of batch) {
          const expected = expectedReason(message.kind);
          const [product, command] = await Promise.all([clients.store.getProduct(message.productoId), clients.store.getCommand('OrdenCompra', message.ordenId)]);
          if (expected === 'APPLIED') {
            expect(product?.stock).toBe(2);
            expect(command?.estado).toBe('APLICADA');
          } else if (message.kind.kind === 'rules-broken') {
            // Authentically signed but not a command: refused under its id, so its estado_url is final.
            expect({ product, codigo: command?.motivo?.codigo, estado: command?.estado }).toEqual({
              product: undefined,
              codigo: 'MENSAJE_INVALIDO',
              estado: 'RECHAZADA',
            });
          } else {
            expect({ kind: message.kind.kind, product, command }).toEqual({ kind: message.kind.kind, product: undefined, command: undefined });
          }
          if (expected !== 'APPLIED' && expected !== 'RETRIED') expectedKept.set(expected, (expectedKept.get(expected) ?? 0) + 1);
          secrets.push(...message.secrets);
          if (message.kind.kind === 'ocurrido-skewed') skewed.add(message.ordenId);
          seen.set(message.kind.kind, (seen.get(message.kind.kind) ?? 0) + 1);
        }
        messages += batch.length;
      }),
      { numRuns: BATCHES, seed: SEED, endOnFailure: true },
    );

    console.info(`${messages} messages: ${JSON.stringify(Object.fromEntries(seen))}; kept ${JSON.stringify(Object.fromEntries(expectedKept))}`);
    expect(messages).toBeGreaterThanOrEqual(MIN_MESSAGES);
    expect([...seen.keys()].sort()).toEqual(ALL_KINDS.slice().sort());
    // Every quarantined message was counted once, by its motivo, and kept in the dead-letter queue with it.
    for (const reason of ['FIRMA_INVALIDA', 'MENSAJE_INVALIDO'] as const) {
      expect({ reason, counted: metrics.count(METRIC_NAMES.messageQuarantined, { motivo: reason }) }).toEqual({ reason, counted: expectedKept.get(reason) ?? 0 });
    }
    const kept = await drain(clients.sqs, deadLetterQueueUrl);
    const keptByReason = new Map<string, number>();
    for (const message of kept) {
      const reason = message.MessageAttributes?.[QUARANTINE_ATTRIBUTE]?.StringValue ?? 'none';
      keptByReason.set(reason, (keptByReason.get(reason) ?? 0) + 1);
    }
    expect(Object.fromEntries(keptByReason)).toEqual(Object.fromEntries(expectedKept));
    // A date from the future or beyond the queue's retention is applied but never timed: only the fresh
    // valid messages gave a latency, and each is within the retention.
    const latencies = metrics.recorded.filter((metric) => metric.name === METRIC_NAMES.processingLatency);
    expect(latencies).toHaveLength(seen.get('valid') ?? 0);
    for (const latency of latencies) expect(latency.value).toBeLessThanOrEqual(RETENTION_MS);
    const processedSkewed = lines.filter((line) => line.message === 'Command processed' && skewed.has(String(line.attributes.orden_id)));
    expect(processedSkewed).toHaveLength(skewed.size);
    for (const line of processedSkewed) expect(line.attributes).not.toHaveProperty('latencia_ms');
    // A log line names only a correlation id that keeps the gateway's rule.
    for (const line of lines) {
      const correlationId = line.attributes.correlation_id;
      if (correlationId !== undefined) expect({ correlationId, valid: isValidCorrelationId(String(correlationId)) }).toEqual({ correlationId, valid: true });
    }
    // No log line repeats a key, a signature, a huge body or a long correlation id.
    const logged = JSON.stringify(lines);
    for (const secret of [KEY, 'clave-de-otro', ...secrets.filter((secret) => secret.length >= 16)]) expect(logged.includes(secret)).toBe(false);
    unreachableSqs.destroy();
  });
});

describe('key rotation at the consumer', () => {
  const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * 86_400;

  function message(key: string): { body: string; productoId: string } {
    counter += 1;
    const productoId = `PRO9${String(SEED).padStart(8, '0')}${String(counter).padStart(6, '0')}`;
    const raw = JSON.stringify({ orden_id: `rotacion-${productoId}`, producto_id: productoId, cantidad: 1, nombre: 'R', precio: 1 });
    const envelope = signedEnvelope(raw, { orden_id: `rotacion-${productoId}`, firma: signTimestamped(key, raw, twoDaysAgo) });
    return { body: JSON.stringify(envelope), productoId };
  }

  it('applies messages signed with either key while SIGNATURE_SECRET holds both, even days later (a replay)', async () => {
    const deps = realConsumerDeps(clients, { deadLetterQueueUrl, logger: capturingLogger().logger, key: 'k-nueva,k-vieja' });
    for (const key of ['k-nueva', 'k-vieja']) {
      const { body, productoId } = message(key);
      await expect(processCommandMessage(sqsRecord(body), deps)).resolves.toBe('APLICADA');
      expect((await clients.store.getProduct(productoId))?.stock).toBe(1);
    }
  });

  it('quarantines a message signed with a key removed from the ring', async () => {
    const metrics = new RecordingCommandMetrics();
    const deps = realConsumerDeps(clients, { deadLetterQueueUrl, logger: capturingLogger().logger, key: 'k-nueva', metrics });
    const { body, productoId } = message('k-vieja');
    await expect(processCommandMessage(sqsRecord(body), deps)).resolves.toBe('CUARENTENA');
    expect(await clients.store.getProduct(productoId)).toBeUndefined();
    expect(metrics.count(METRIC_NAMES.messageQuarantined, { motivo: 'FIRMA_INVALIDA' })).toBe(1);
    await drain(clients.sqs, deadLetterQueueUrl);
  });
});
