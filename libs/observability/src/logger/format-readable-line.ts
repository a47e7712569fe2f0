/** Keys the readable line shows in its fixed columns, or leaves out as noise. */
const FIXED_KEYS = new Set(['timestamp', 'level', 'service', 'message', 'sampling_rate']);
/** A value that reads unambiguously without quotes. */
const BARE_VALUE = /^[^\s"=]+$/;

/**
 * One log entry as one line for people: time (UTC, to the millisecond), level, service and message, then
 * every other attribute as `key=value` in the order logged. Strings are quoted only when they hold
 * spaces, quotes or `=`; objects are compact JSON.
 *
 * @example
 * formatReadableLine({ timestamp: '2025-06-01T12:00:00.000Z', level: 'INFO', service: 'gateway',
 *   message: 'Request', status: 202, correlation_id: 'c-1' });
 * // '12:00:00.000 INFO  gateway Request status=202 correlation_id=c-1'
 */
export function formatReadableLine(
  attributes: Record<string, unknown>,
  replacer?: (key: string, value: unknown) => unknown,
): string {
  const head = [
    timeOf(attributes.timestamp),
    String(attributes.level ?? '').padEnd(5),
    String(attributes.service ?? ''),
    String(attributes.message ?? ''),
  ];
  const pairs = Object.entries(attributes)
    .filter(([key]) => !FIXED_KEYS.has(key))
    .map(([key, value]) => `${key}=${formatValue(value, replacer)}`);
  return [...head, ...pairs].join(' ');
}

function timeOf(timestamp: unknown): string {
  const text = String(timestamp ?? '');
  const match = /T(\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)/.exec(text);
  return match?.[1] ?? text;
}

function formatValue(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  if (typeof value === 'string') return BARE_VALUE.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return String(value);
  return JSON.stringify(value, replacer) ?? String(value);
}
