import { UsageError } from '../errors';
import type { MessageFilter } from '@inventario/dead-letters';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Parses `--filter` expressions; a message must match all of them:
 * `tipo=OrdenVenta`, `orden_id=A-17`, `producto_id=PRO001` (a trailing `*` matches any ending),
 * `age>30m`, `age<2h` (age since the gateway accepted the command; units s, m, h, d).
 *
 * @throws UsageError for an expression it does not know.
 *
 * @example
 * ```ts
 * const filter = parseFilters(['producto_id=PRO001', 'age>1h']);
 * filter(message, new Date());
 * ```
 */
export function parseFilters(expressions: readonly string[]): MessageFilter {
  const filters = expressions.map(parseFilter);
  return (message, now) => filters.every((filter) => filter(message, now));
}

function parseFilter(expression: string): MessageFilter {
  const age = /^age\s*([<>])\s*(\d+)\s*([smhd])$/.exec(expression.trim());
  if (age) {
    const [, comparison, amount, unit] = age;
    const limitMs = Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1) * 1000;
    return (message, now) => {
      if (message.acceptedAt === undefined) return false;
      const ageMs = now.getTime() - message.acceptedAt.getTime();
      return comparison === '>' ? ageMs > limitMs : ageMs < limitMs;
    };
  }
  const field = /^(tipo|type|orden_id|producto_id)\s*=\s*(.+)$/.exec(expression.trim());
  if (!field) {
    throw new UsageError(`--filter ${JSON.stringify(expression)}: use tipo=, orden_id=, producto_id= (a trailing * matches any ending), age>30m or age<2h`);
  }
  const [, name, pattern = ''] = field;
  const matches = valueMatcher(pattern.trim());
  switch (name) {
    case 'orden_id':
      return (message) => message.ordenId !== undefined && matches(message.ordenId);
    case 'producto_id':
      return (message) => message.productIds.some(matches);
    default:
      return (message) => message.tipo !== undefined && matches(message.tipo);
  }
}

function valueMatcher(pattern: string): (value: string) => boolean {
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return (value) => value.startsWith(prefix);
  }
  return (value) => value === pattern;
}
