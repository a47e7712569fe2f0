import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { Express } from 'express';
import serverless from 'serverless-http';

/** A Lambda handler for API Gateway HTTP API (payload v2) events. */
export type GatewayLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/**
 * Wraps the express app for API Gateway HTTP API v2 events with serverless-http. The body reaches the
 * app as the exact bytes the client sent (a base64 body is decoded to its bytes), so the signature check
 * sees what was signed.
 *
 * @example
 * export const handler = toLambdaHandler(createGatewayApp(deps));
 */
export function toLambdaHandler(app: Express): GatewayLambdaHandler {
  const handle = serverless(app);
  return async (event, context) => (await handle(event, context)) as APIGatewayProxyResultV2;
}
