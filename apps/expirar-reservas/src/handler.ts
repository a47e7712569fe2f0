import { createSweeperLambdaHandler } from '@inventario/events';

/** Lambda entry point: one sweep of the holds past their expiry per scheduled invocation. */
export const handler = createSweeperLambdaHandler('expirar-reservas');
