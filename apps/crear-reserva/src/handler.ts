import { createConsumerLambdaHandler } from '@inventario/events';

/** Lambda entry point: the crear-reserva queue, with partial batch responses. */
export const handler = createConsumerLambdaHandler('crear-reserva');
