import { READY_FIELD } from './constants';

/**
 * The one stdout line `cli.ts` prints when the stack is ready.
 *
 * @example
 * ```ts
 * process.stdout.write(formatReadyLine(stack.env)); // '{"ready":true,"env":{...}}\n'
 * ```
 */
export function formatReadyLine(env: Record<string, string>): string {
  return `${JSON.stringify({ [READY_FIELD]: true, env })}\n`;
}

/**
 * The environment in a ready line, or undefined when the line is something else.
 *
 * @example
 * ```ts
 * parseReadyLine('{"ready":true,"env":{"AWS_REGION":"us-east-1"}}'); // { AWS_REGION: 'us-east-1' }
 * ```
 */
export function parseReadyLine(line: string): Record<string, string> | undefined {
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as { [READY_FIELD]?: unknown; env?: unknown };
    if (parsed[READY_FIELD] !== true || typeof parsed.env !== 'object' || parsed.env === null) return undefined;
    return Object.fromEntries(
      Object.entries(parsed.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return undefined;
  }
}
