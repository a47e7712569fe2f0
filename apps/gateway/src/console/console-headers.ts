import type { RequestHandler } from 'express';

/**
 * The page's own policy: everything from this origin only (scripts, styles, API calls), nothing inline,
 * no frames. The gateway's other answers are JSON and keep helmet's headers without a CSP.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Sets the console's Content-Security-Policy and keeps its answers (data included) out of caches. */
export function consoleHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.set('Cache-Control', 'no-store');
    next();
  };
}
