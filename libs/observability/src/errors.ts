/** A setting of the observability variables that cannot be used; the message names the variable. */
export class ObservabilityConfigError extends Error {
  override readonly name = 'ObservabilityConfigError';
}
