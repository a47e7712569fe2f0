import { createConsumerLambdaHandler } from '@inventario/events';

/** Lambda entry point: the orden-compra queue, with partial batch responses. */
export const handler = createConsumerLambdaHandler('orden-compra');
