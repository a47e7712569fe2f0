import { createHmac } from 'node:crypto';

/** HMAC-SHA256 of the concatenated chunks, with the key's UTF-8 bytes. Internal. */
export function hmacSha256(key: string, chunks: readonly (Buffer | string)[]): Buffer {
  const hmac = createHmac('sha256', key);
  for (const chunk of chunks) hmac.update(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return hmac.digest();
}
