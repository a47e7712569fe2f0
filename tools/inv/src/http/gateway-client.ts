import { parseJson } from '@inventario/dead-letters';
import { SIGNATURE_HEADER, signLegacy, signRequest, signTimestamped } from '@inventario/signature';
import { GatewayError, InvError } from '../errors';

/** An answer of the gateway: its status and its JSON body. */
export interface GatewayAnswer<T = unknown> {
  status: number;
  body: T;
}

/**
 * How to sign a POST: `request-bound` (`t=,v2=` over method, path and body; the preferred form), the
 * body-only `timestamped` form (`t=,v1=`), or the old clients' `legacy` form.
 */
export type SignatureForm = 'request-bound' | 'timestamped' | 'legacy';

/** Calls the gateway like a client of the contract: signed POSTs over the exact bytes sent, plain GETs. */
export class GatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /**
   * Posts `rawBody` byte for byte, signed with `key` in the given form.
   *
   * @throws GatewayError with the contract's `codigo` and message for any answer but 2xx.
   */
  async postSigned(path: string, rawBody: string, options: { key: string; form: SignatureForm; headers?: Record<string, string> }): Promise<GatewayAnswer> {
    const signature = this.signature(path, rawBody, options.key, options.form);
    return this.call(path, {
      method: 'POST',
      body: rawBody,
      headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signature, ...options.headers },
    });
  }

  /** The `X-Signature` of a POST of `rawBody` to `path` of this gateway; a `v2` covers the URL's whole path. */
  private signature(path: string, rawBody: string, key: string, form: SignatureForm): string {
    if (form === 'legacy') return signLegacy(key, rawBody);
    if (form === 'timestamped') return signTimestamped(key, rawBody);
    return signRequest(key, { method: 'POST', path: new URL(this.urlOf(path)).pathname }, rawBody);
  }

  private urlOf(path: string): string {
    return `${this.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /** GETs a path; a 404 is returned, not thrown, when `allowNotFound`. */
  async get(path: string, options: { allowNotFound?: boolean } = {}): Promise<GatewayAnswer> {
    return this.call(path, { method: 'GET' }, options.allowNotFound);
  }

  private async call(path: string, init: RequestInit, allowNotFound = false): Promise<GatewayAnswer> {
    const url = this.urlOf(path);
    let response: Response;
    try {
      response = await this.fetchImpl(url, init);
    } catch (error) {
      throw new InvError('GATEWAY_INALCANZABLE', `No answer from ${this.baseUrl} (${causeOf(error)}). Is the system running (npm start)? --url names another gateway.`);
    }
    const text = await response.text();
    const body = parseJson(text);
    if (response.ok || (allowNotFound && response.status === 404)) return { status: response.status, body };
    const error = (body ?? {}) as { error?: unknown; codigo?: unknown };
    throw new GatewayError(
      response.status,
      typeof error.codigo === 'string' ? error.codigo : `HTTP_${response.status}`,
      typeof error.error === 'string' ? error.error : text.slice(0, 200) || response.statusText,
    );
  }
}


function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
