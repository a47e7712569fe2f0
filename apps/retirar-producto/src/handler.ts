import { createConsumerLambdaHandler } from '@inventario/events';

/** Lambda entry point: the retirar-producto queue, with partial batch responses. */
export const handler = createConsumerLambdaHandler('retirar-producto');
