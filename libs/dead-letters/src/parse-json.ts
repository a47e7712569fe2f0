/**
 * The value a text holds as JSON, or `undefined` when it is no JSON at all: for what comes from outside
 * (a message body, an HTTP answer, a file another process wrote), where a bad text is a case to handle,
 * not an error to throw.
 *
 * @example
 * ```ts
 * parseJson('{"orden_id":"o-1"}'); // { orden_id: 'o-1' }
 * parseJson('not json'); // undefined
 * ```
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
