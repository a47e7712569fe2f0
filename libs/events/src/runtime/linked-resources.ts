import * as z from 'zod';

// What a deployed function finds in SST's `Resource` object. Each link a function gets in
// `sst.config.ts` carries one of these shapes (its `kind` says which), so the runtime needs no list of
// link names: it takes whatever it was linked to, and nothing else is reachable (least privilege).

/** A topic the function may publish to. */
export const linkedTopicSchema = z.object({ kind: z.literal('topic'), topic: z.string(), arn: z.string() });
/** A queue the function may send to (a consumer's dead-letter queue). */
export const linkedQueueSchema = z.object({ kind: z.literal('queue'), queue: z.string(), url: z.string() });
/** A table and its role. */
export const linkedTableSchema = z.object({ kind: z.literal('table'), role: z.enum(['products', 'ledger', 'commands', 'reservations']), name: z.string() });
/** The read function the gateway invokes. */
export const linkedQueryFunctionSchema = z.object({ kind: z.literal('query-function'), name: z.string() });

const linkSchema = z.discriminatedUnion('kind', [linkedTopicSchema, linkedQueueSchema, linkedTableSchema, linkedQueryFunctionSchema]);
export type LinkedResource = z.infer<typeof linkSchema>;

/** Name of the `sst.Secret` holding the signing keys (comma-separated, like `SIGNATURE_SECRET`). */
export const SIGNATURE_SECRET_LINK = 'SignatureSecret';

/** What the links say, gathered by kind. */
export interface Links {
  stage: string | undefined;
  topicArns: Record<string, string>;
  queueUrls: Record<string, string>;
  tables: Partial<Record<'products' | 'ledger' | 'commands' | 'reservations', string>>;
  queryFunctionName: string | undefined;
  signatureSecret: string | undefined;
}

/**
 * Reads SST's `Resource` object (or any record of the same shape): the app's stage from `App`, the
 * signing keys from the `SignatureSecret` secret, and every link whose properties carry a known `kind`.
 * Other entries are ignored.
 *
 * @example
 * linksFrom({ App: { name: 'inventario-gateway', stage: 'prod' },
 *             OrdenCompraTopic: { kind: 'topic', topic: 'OrdenCompra', arn: 'arn:aws:sns:...' } }).topicArns;
 * // { OrdenCompra: 'arn:aws:sns:...' }
 */
export function linksFrom(resource: Record<string, unknown>): Links {
  const links: Links = { stage: undefined, topicArns: {}, queueUrls: {}, tables: {}, queryFunctionName: undefined, signatureSecret: undefined };
  for (const [name, value] of Object.entries(resource)) {
    if (name === 'App') links.stage = z.object({ stage: z.string() }).parse(value).stage;
    else if (name === SIGNATURE_SECRET_LINK) links.signatureSecret = z.object({ value: z.string() }).parse(value).value;
    else addLink(links, value);
  }
  return links;
}

function addLink(links: Links, value: unknown): void {
  const parsed = linkSchema.safeParse(value);
  if (!parsed.success) return;
  const link = parsed.data;
  switch (link.kind) {
    case 'topic':
      links.topicArns[link.topic] = link.arn;
      return;
    case 'queue':
      links.queueUrls[link.queue] = link.url;
      return;
    case 'table':
      links.tables[link.role] = link.name;
      return;
    case 'query-function':
      links.queryFunctionName = link.name;
      return;
  }
}
