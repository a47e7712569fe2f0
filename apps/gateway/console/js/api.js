// The console API: every call carries the token kept in this tab's sessionStorage.

const TOKEN_KEY = 'consola.token';
const BASE = new URL('api/', document.baseURI);

/** An error answer of the API, with the contract's `codigo`. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.codigo = body?.codigo;
    this.detalles = body?.detalles;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * Calls `path` (relative to /consola/api/) and returns its JSON; a refusal throws {@link ApiError}, and
 * a 401 also forgets the token and tells the page (`consola:sin-token`), unless `probe` (the login's check).
 */
export async function api(path, { method = 'GET', body, headers = {}, probe = false } = {}) {
  const response = await fetch(new URL(path, BASE), {
    method,
    headers: { Authorization: `Bearer ${token() ?? ''}`, ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers },
    body,
  });
  const data = await response.json().catch(() => undefined);
  if (response.ok) return data;
  if (response.status === 401 && !probe) {
    forgetToken();
    window.dispatchEvent(new CustomEvent('consola:sin-token'));
  }
  throw new ApiError(response.status, data);
}
