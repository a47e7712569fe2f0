/** CloudWatch namespace of every metric the platform emits. */
export const METRICS_NAMESPACE = 'Inventario';

/**
 * Names of the platform's metrics (CloudWatch EMF), for dashboards and alarms. Each is emitted as its own
 * EMF record with the dimensions listed, plus `service` (the app that emitted it).
 */
export const METRIC_NAMES = {
  /** Gateway: a command recorded and published (202). Dimensions: `tipo`. */
  commandAccepted: 'ComandosAceptados',
  /** Consumer: a command applied. Dimensions: `tipo`. */
  commandApplied: 'ComandosAplicados',
  /** Consumer: a command refused by a business rule. Dimensions: `tipo`, `codigo` (`STOCK_INSUFICIENTE`...). */
  commandRejected: 'ComandosRechazados',
  /** Gateway: a request answered 4xx. Dimensions: `codigo` (`VALIDACION`, `FIRMA_INVALIDA`...). */
  requestRefused: 'SolicitudesRechazadas',
  /** Gateway: a POST refused for its `X-Signature`. Dimensions: `codigo` (`FIRMA_AUSENTE`, `FIRMA_INVALIDA`, `FIRMA_EXPIRADA`). */
  signatureRejected: 'FirmasRechazadas',
  /** Consumer: a message set aside in the dead-letter queue. Dimensions: `tipo`, `motivo` (`FIRMA_INVALIDA` = tampered). */
  messageQuarantined: 'MensajesEnCuarentena',
  /** Consumer: milliseconds from the gateway's acceptance (`ocurrido`) to the outcome. Dimensions: `tipo`. */
  processingLatency: 'LatenciaProcesamiento',
  /** Replay tool: messages moved back from a dead-letter queue. Dimensions: `cola`. */
  messagesReplayed: 'MensajesReprocesados',
} as const;

/** The name of one of the platform's metrics. */
export type MetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];
