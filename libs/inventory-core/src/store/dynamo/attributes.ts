import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** A raw DynamoDB item, as the low-level client gives and takes it. */
export type Item = Record<string, AttributeValue>;

/** `{ S: value }`. */
export function s(value: string): AttributeValue {
  return { S: value };
}

/** `{ N: value }`: DynamoDB carries numbers as decimal strings. */
export function n(value: number): AttributeValue {
  return { N: String(value) };
}

/** `{ BOOL: value }`. */
export function bool(value: boolean): AttributeValue {
  return { BOOL: value };
}

/** The string of an `S` attribute; `undefined` when absent or of another type. */
export function readString(value: AttributeValue | undefined): string | undefined {
  return value?.S;
}

/**
 * The number of an `N` attribute as a JS number. An `S` holding a number is read too: the old system's
 * items were written by hand as often as by code.
 */
export function readNumber(value: AttributeValue | undefined): number | undefined {
  const text = value?.N ?? value?.S;
  if (text === undefined || text.trim() === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** A `BOOL` attribute, or an `S`/`N` spelling of one (`"true"`, `"false"`, `1`, `0`). */
export function readBoolean(value: AttributeValue | undefined): boolean | undefined {
  if (value?.BOOL !== undefined) return value.BOOL;
  const text = (value?.S ?? value?.N)?.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}
