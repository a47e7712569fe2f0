import { createConsumerLambdaHandler } from '@inventario/events';

/** Lambda entry point: the actualiza-producto queue, with partial batch responses. */
export const handler = createConsumerLambdaHandler('actualiza-producto');
