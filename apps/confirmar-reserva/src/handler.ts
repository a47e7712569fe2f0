import { createConsumerLambdaHandler } from '@inventario/events';

/** Lambda entry point: the confirmar-reserva queue, with partial batch responses. */
export const handler = createConsumerLambdaHandler('confirmar-reserva');
