import type { ErrorCode } from '@inventario/inventory-core';
import { LOCAL_DEFAULT_KEY } from '@inventario/signature';
import type { RuntimeConfig } from './runtime-config';

/** Stages where the old system's well-known key may sign requests. */
export const LOCAL_STAGES: readonly string[] = ['dev', 'local'];

/** A configuration the gateway and the consumers refuse to start with. */
export class UnsafeSignatureConfigError extends Error {
  override readonly name = 'UnsafeSignatureConfigError';
  readonly codigo = 'ERROR_INTERNO' satisfies ErrorCode;
}

/**
 * Refuses a deployed stage (any `STAGE` but `dev` or `local`) whose `SIGNATURE_SECRET` is unset or holds
 * the old system's well-known key: anyone could sign commands. The message names the variable, never a
 * key's value.
 *
 * @example
 * assertSignatureConfigSafe(loadRuntimeConfig(process.env)); // throws on STAGE=prod without a secret
 */
export function assertSignatureConfigSafe(config: Pick<RuntimeConfig, 'stage' | 'signatureSecret'>): void {
  if (LOCAL_STAGES.includes(config.stage)) return;
  const keys = (config.signatureSecret ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
  if (keys.length === 0) {
    throw new UnsafeSignatureConfigError(
      `Refusing to start: stage "${config.stage}" needs SIGNATURE_SECRET (the local default key is only for dev/local)`,
    );
  }
  if (keys.includes(LOCAL_DEFAULT_KEY)) {
    throw new UnsafeSignatureConfigError(
      `Refusing to start: stage "${config.stage}" must not use the local default key in SIGNATURE_SECRET`,
    );
  }
}
