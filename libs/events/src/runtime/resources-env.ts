/**
 * The variable holding the JSON of `{topics: {name: arn}, queues: {name: url}}` off Lambda. A module of
 * its own, without the schema that reads it, so a tool that only sets it (`npm start`) loads no zod.
 */
export const RESOURCES_ENV = 'INVENTARIO_RESOURCES';
