/** How the CLI ends: 0 all done, 1 an error (nothing or not all was done), 2 a partial replay, 3 a rejected command. */
export const EXIT = {
  ok: 0,
  error: 1,
  partial: 2,
  rejected: 3,
} as const;

/** A failure to report in one line and end with {@link EXIT.error}; `codigo` names it for scripts (`--json`). */
export class InvError extends Error {
  constructor(
    readonly codigo: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvError';
  }
}

/** Neither a local system nor a stage to reach AWS with. */
export class NoTargetError extends InvError {
  constructor(message: string) {
    super('SIN_DESTINO', message);
  }
}

/** A `<service>`, route or queue the catalogue does not know. */
export class UnknownNameError extends InvError {
  constructor(message: string) {
    super('NOMBRE_DESCONOCIDO', message);
  }
}

/** Options that contradict each other or are malformed. */
export class UsageError extends InvError {
  constructor(message: string) {
    super('USO', message);
  }
}

/** The gateway answered with the contract's error JSON (`{error, codigo}`) or something else that is not 2xx. */
export class GatewayError extends InvError {
  constructor(
    readonly status: number,
    codigo: string,
    message: string,
  ) {
    super(codigo, message);
  }
}
