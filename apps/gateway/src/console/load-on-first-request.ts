import type { RequestHandler } from 'express';

/**
 * A handler built at its first request, then reused. The console's router pulls in the SQS client, the
 * dead-letter code and the static file server; loading them only when someone opens the console keeps
 * them off the gateway's start-up (five processes compile at once on `npm start`).
 *
 * @example
 * app.use('/consola', loadOnFirstRequest(() => createConsoleRouter(deps, consoleDeps)));
 */
export function loadOnFirstRequest(build: () => RequestHandler): RequestHandler {
  let handler: RequestHandler | undefined;
  return (req, res, next) => {
    handler ??= build();
    return handler(req, res, next);
  };
}
