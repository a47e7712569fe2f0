/**
 * The port to listen on, from `PORT`: default 3000; anything but a whole number from 0 to 65535 throws.
 *
 * @example
 * parsePort(process.env.PORT); // 3000 when unset
 */
export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (got "${raw}")`);
  return port;
}
