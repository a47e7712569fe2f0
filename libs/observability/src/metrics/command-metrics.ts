/**
 * What the platform counts and times, one method per fact, so callers never spell a metric name or a
 * dimension. Implementations: {@link EmfCommandMetrics} (CloudWatch EMF), {@link DISCARDED_METRICS}
 * (off), {@link RecordingCommandMetrics} (in memory, for tests).
 */
export interface CommandMetrics {
  /** Gateway: a command was recorded and published (202). */
  commandAccepted(tipo: string): void;
  /** Gateway: a request was answered 4xx with this `codigo`. */
  requestRefused(codigo: string): void;
  /** Gateway: a POST was refused for its signature (`FIRMA_AUSENTE`, `FIRMA_INVALIDA`, `FIRMA_EXPIRADA`). */
  signatureRejected(codigo: string): void;
  /** Consumer: a command was applied. */
  commandApplied(tipo: string): void;
  /** Consumer: a command was refused by a business rule (`STOCK_INSUFICIENTE`...). */
  commandRejected(tipo: string, codigo: string): void;
  /** Consumer: a message was set aside in the dead-letter queue (`FIRMA_INVALIDA`: tampered). */
  messageQuarantined(tipo: string, motivo: string): void;
  /** Consumer: milliseconds from the gateway's acceptance to the outcome. */
  processingLatency(tipo: string, milliseconds: number): void;
  /** Replay tool: messages moved back from a dead-letter queue to their queue. */
  messagesReplayed(cola: string, count: number): void;
}

/** Metrics turned off: every call does nothing. */
export const DISCARDED_METRICS: CommandMetrics = Object.freeze({
  commandAccepted: () => undefined,
  requestRefused: () => undefined,
  signatureRejected: () => undefined,
  commandApplied: () => undefined,
  commandRejected: () => undefined,
  messageQuarantined: () => undefined,
  processingLatency: () => undefined,
  messagesReplayed: () => undefined,
});
