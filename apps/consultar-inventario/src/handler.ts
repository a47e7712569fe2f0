import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { answerQuery, loadRuntimeConfig, type QueryResponse } from '@inventario/events';
import { DynamoInventoryStore } from '@inventario/inventory-core';

const config = loadRuntimeConfig(process.env);
const store = new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables });

/** Lambda entry point: one read per invoke, from the gateway. */
export const handler = (event: unknown): Promise<QueryResponse> => answerQuery(store, event);
