import { randomUUID } from 'node:crypto';
import { commandPath, idInPath, type CommandEntry } from '@inventario/events';
import { signRequest, signTimestamped } from '@inventario/signature';

/**
 * An SQS batch of one record whose body is an SNS raw-delivery message: the envelope the gateway publishes.
 * An empty body is sent as no bytes at all, with the id given apart (a reservation's step names it in its path).
 */
export function sqsBatchOfCommand(entry: CommandEntry, body: Record<string, unknown>, key: string, queueArn: string, ordenId = String(body.orden_id)): unknown {
  const raw = Object.keys(body).length === 0 ? '' : JSON.stringify(body);
  const envelope = {
    id: randomUUID(),
    tipo: entry.type,
    ocurrido: new Date().toISOString(),
    correlation_id: randomUUID(),
    orden_id: ordenId,
    cuerpo: Buffer.from(raw).toString('base64'),
    // A reservation's step is signed v2 over its path, as a client does when its body names no hold.
    ...(idInPath(entry)
      ? { ruta: commandPath(entry, ordenId), firma: signRequest(key, { method: 'POST', path: commandPath(entry, ordenId) }, raw) }
      : { firma: signTimestamped(key, raw) }),
  };
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: 'receipt-1',
        body: JSON.stringify(envelope),
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'AIDA', ApproximateFirstReceiveTimestamp: String(Date.now()) },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: queueArn,
        awsRegion: 'us-east-1',
      },
    ],
  };
}

/** An API Gateway HTTP API (payload v2) event, as the `$default` stage sends it to the gateway function. */
export function httpApiEvent(method: string, path: string, body?: string, headers: Record<string, string> = {}): unknown {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.test', 'content-type': 'application/json', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bundle-test' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(body !== undefined && { body, isBase64Encoded: false }),
  };
}

/** An EventBridge scheduled event, as a schedule rule invokes its target. */
export function scheduledEvent(): unknown {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: ['arn:aws:events:us-east-1:123456789012:rule/expirar-reservas'],
    detail: {},
  };
}
