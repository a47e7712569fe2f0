import { LOCAL_STAGES } from '@inventario/events';

/** The console's token when `CONSOLA_TOKEN` is unset on a local stage that uses the local default key. */
export const LOCAL_CONSOLE_TOKEN = 'consola-local';

/** Whether the console is served, and the token every console API call must carry. */
export type ConsoleAccess =
  | { enabled: true; token: string; usesLocalToken: boolean }
  | { enabled: false; reason: string };

/**
 * Decides whether the gateway serves `/consola`. With `CONSOLA_TOKEN` set, it does, and that token
 * opens it (on a deployed stage, never the well-known local one). Without it, only a local stage
 * (`dev`, `local`) whose signatures use the local default key serves it, with {@link LOCAL_CONSOLE_TOKEN}:
 * the same trust as that key. Anywhere else the console does not exist (404).
 *
 * @example
 * resolveConsoleAccess({ stage: 'prod', token: undefined, usesLocalDefaultKey: false }); // { enabled: false, ... }
 */
export function resolveConsoleAccess(input: { stage: string; token: string | undefined; usesLocalDefaultKey: boolean }): ConsoleAccess {
  const token = input.token?.trim() ?? '';
  const local = LOCAL_STAGES.includes(input.stage);
  if (token !== '') {
    if (!local && token === LOCAL_CONSOLE_TOKEN) {
      return { enabled: false, reason: `stage "${input.stage}" must not use the local console token in CONSOLA_TOKEN` };
    }
    return { enabled: true, token, usesLocalToken: token === LOCAL_CONSOLE_TOKEN };
  }
  if (local && input.usesLocalDefaultKey) return { enabled: true, token: LOCAL_CONSOLE_TOKEN, usesLocalToken: true };
  return { enabled: false, reason: 'CONSOLA_TOKEN is not set' };
}
