import { KeyRing, LOCAL_DEFAULT_KEY } from '@inventario/signature';
import { UsageError } from '../errors';

/** The gateway to call and the key to sign with. */
export interface GatewayTarget {
  baseUrl: string;
  /** The first key of `SIGNATURE_SECRET` (during a rotation, the new one comes first), else the local default. */
  signingKey: string;
  /** Every key, to check signatures of dead messages with. */
  keyRing: KeyRing;
  usesLocalDefaultKey: boolean;
}

/**
 * `--url`, else `http://localhost:${PORT:-3000}`; the key from `SIGNATURE_SECRET`, else the local default
 * (`Mercado Libre`), exactly as the gateway reads it.
 */
export function resolveGatewayTarget(url: string | undefined, env: Readonly<Record<string, string | undefined>>): GatewayTarget {
  const baseUrl = (url ?? `http://localhost:${env.PORT || '3000'}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) throw new UsageError(`--url must be an http(s) URL (got ${JSON.stringify(url)})`);
  const keyRing = KeyRing.fromSecret(env.SIGNATURE_SECRET);
  const first = (env.SIGNATURE_SECRET ?? '')
    .split(',')
    .map((key) => key.trim())
    .find((key) => key !== '');
  return { baseUrl, signingKey: first ?? LOCAL_DEFAULT_KEY, keyRing, usesLocalDefaultKey: keyRing.usesLocalDefault };
}

/** The port of a gateway on this machine, to find its system's state file; undefined for a remote one. */
export function localGatewayPort(baseUrl: string): number | undefined {
  const url = new URL(baseUrl);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}
