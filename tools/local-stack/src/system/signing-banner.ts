import { KeyRing, LOCAL_DEFAULT_KEY, signRequest } from '@inventario/signature';

/**
 * What `npm start` prints once the gateway answers: where it is, which signing key is in use (never the
 * key itself, unless it is the old system's public default), and a ready-to-paste signed curl for a
 * purchase order, computed with the first key in use.
 *
 * @example
 * ```ts
 * console.log(signingBanner({ baseUrl: 'http://localhost:3000', secret: process.env.SIGNATURE_SECRET }).join('\n'));
 * ```
 */
export function signingBanner(options: { baseUrl: string; secret: string | undefined; nowSeconds?: number }): string[] {
  const ring = KeyRing.fromSecret(options.secret);
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ orden_id: `demo-${now}`, producto_id: 'PRO001', cantidad: 5, nombre: 'Demo', precio: 10 });
  const path = `${new URL(options.baseUrl).pathname.replace(/\/$/, '')}/orden-compra`;
  const signature = signRequest(firstKey(options.secret), { method: 'POST', path }, body, now);
  const keyLine = ring.usesLocalDefault
    ? `Signing key: SIGNATURE_SECRET is not set, so the old system's default key "${LOCAL_DEFAULT_KEY}" is in use. ` +
      'Fine on this machine; a deployed stage refuses to start with it.'
    : `Signing key: ${ring.size === 1 ? 'the key' : `${ring.size} keys`} from SIGNATURE_SECRET ${ring.size === 1 ? 'is' : 'are'} in use` +
      `${ring.size === 1 ? '' : ' (the curl below is signed with the first)'}.`;
  return [
    `Inventario is running at ${options.baseUrl}`,
    keyLine,
    'Try a purchase order (its signature is valid for 5 minutes; restart for a fresh one):',
    '',
    `curl -i -X POST ${options.baseUrl}/orden-compra -H 'Content-Type: application/json' ` +
      `-H 'X-Signature: ${signature}' --data-raw '${body}'`,
    '',
    'Ctrl-C stops everything.',
  ];
}

/** The key the ring would hold first: split on commas, trimmed, empties dropped, as `KeyRing.fromSecret` does. */
function firstKey(secret: string | undefined): string {
  return (secret ?? '').split(',').map((key) => key.trim()).find((key) => key !== '') ?? LOCAL_DEFAULT_KEY;
}
