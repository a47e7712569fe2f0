import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago: binds port 0 on loopback, reads what the OS gave, releases it.
 *
 * @example
 * ```ts
 * const port = await findFreePort(); // e.g. 41233
 * ```
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('The OS gave no port'))));
    });
  });
}

/**
 * True when nothing listens on `port` (it can be bound on all interfaces), to refuse a taken port with a
 * clear message before an app crashes on it.
 *
 * @example
 * ```ts
 * if (!(await isPortFree(3000))) throw new Error('port 3000 is taken; set PORT');
 * ```
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
