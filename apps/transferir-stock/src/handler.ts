import { createConsumerLambdaHandler } from '@inventario/events';

/** Lambda entry point: the transferir-stock queue, with partial batch responses. */
export const handler = createConsumerLambdaHandler('transferir-stock');
