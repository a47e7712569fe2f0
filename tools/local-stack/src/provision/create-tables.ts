import {
  CreateTableCommand,
  ResourceInUseException,
  type AttributeDefinition,
  type DynamoDBClient,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITIONS, type TableDefinition, type TableNames } from '@inventario/inventory-core';

/**
 * Creates every table of `TABLE_DEFINITIONS` under the given names (on-demand billing), leaving any that
 * already exists as it is. Tests use it to get an isolated set of tables with their own names.
 *
 * @example
 * ```ts
 * await createTables(dynamodb, { products: 'p_test1', ledger: 'l_test1', commands: 'c_test1', reservations: 'r_test1' });
 * ```
 */
export async function createTables(dynamodb: DynamoDBClient, names: TableNames): Promise<void> {
  await Promise.all(TABLE_DEFINITIONS.map((definition) => createTable(dynamodb, names[definition.role], definition)));
}

async function createTable(dynamodb: DynamoDBClient, tableName: string, definition: TableDefinition): Promise<void> {
  const keys = [
    { ...definition.partitionKey, keyType: 'HASH' as const },
    ...(definition.sortKey ? [{ ...definition.sortKey, keyType: 'RANGE' as const }] : []),
  ];
  const indexes = definition.indexes ?? [];
  const indexKeys = indexes.flatMap((index) => [index.partitionKey, ...(index.sortKey ? [index.sortKey] : [])]);
  const attributes = new Map([...keys, ...indexKeys].map((key) => [key.name, key.type]));
  const attributeDefinitions: AttributeDefinition[] = [...attributes].map(([name, type]) => ({ AttributeName: name, AttributeType: type }));
  const keySchema: KeySchemaElement[] = keys.map((key) => ({ AttributeName: key.name, KeyType: key.keyType }));
  try {
    await dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions,
        KeySchema: keySchema,
        BillingMode: 'PAY_PER_REQUEST',
        ...(indexes.length > 0 && {
          GlobalSecondaryIndexes: indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
              ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
            ],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
