/**
 * A setting of the observability variables that cannot be used; the message names the variable. Its
 * `codigo` is `ERROR_CODES`' `ERROR_INTERNO`, written out: this lib depends on no other.
 */
export class ObservabilityConfigError extends Error {
  override readonly name = 'ObservabilityConfigError';
  readonly codigo = 'ERROR_INTERNO' as const;
}
