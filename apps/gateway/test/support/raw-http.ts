import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * Sends a POST through a real socket, for what supertest cannot do: a chunked body (no Content-Length),
 * or only the headers of a body that never comes.
 */
export async function rawPost(
  app: Express,
  path: string,
  options: { headers: Record<string, string>; chunks?: Buffer[]; endBody?: boolean },
): Promise<RawResponse> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<RawResponse>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, path, method: 'POST', headers: options.headers, agent: false },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text ? JSON.parse(text) : {} });
            request.destroy();
          });
        },
      );
      // The server may close the connection while the client still writes an oversized body.
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      request.flushHeaders();
      for (const chunk of options.chunks ?? []) request.write(chunk);
      if (options.endBody !== false) request.end();
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
