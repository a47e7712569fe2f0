import { createConsumerLambdaHandler } from '@inventario/events';

/** Lambda entry point: the liberar-reserva queue, with partial batch responses. */
export const handler = createConsumerLambdaHandler('liberar-reserva');
