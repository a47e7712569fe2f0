import { COMMANDS, SWEEPER_APP } from '@inventario/events';

/**
 * Every SST app of the system, in deployment order: the platform first (tables, topics), then the query
 * function (the gateway looks it up), the consumers, the reservations sweeper and the gateway.
 */
export const SERVICES: readonly string[] = ['platform', 'consultar-inventario', ...COMMANDS.map((entry) => entry.app), SWEEPER_APP, 'gateway'];
