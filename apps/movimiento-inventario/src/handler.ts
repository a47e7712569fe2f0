import { createConsumerLambdaHandler } from '@inventario/events';

/** Lambda entry point: the movimiento-inventario queue, with partial batch responses. */
export const handler = createConsumerLambdaHandler('movimiento-inventario');
