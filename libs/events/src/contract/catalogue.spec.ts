import { existsSync } from 'node:fs';
import path from 'node:path';
import { COMMAND_TYPES } from '@inventario/inventory-core';
import { COMMANDS, commandEntry, commandEntryForApp, OUTCOME_TOPIC } from './catalogue';

describe('the command catalogue', () => {
  it('has one entry per command type', () => {
    expect(COMMANDS.map((c) => c.type).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('never shares a route, topic, queue, dead-letter queue or app between commands', () => {
    for (const field of ['route', 'topic', 'queue', 'deadLetterQueue', 'app'] as const) {
      const values = COMMANDS.map((c) => c[field]);
      expect(new Set(values).size).toBe(values.length);
    }
    expect(COMMANDS.map((c) => c.topic)).not.toContain(OUTCOME_TOPIC);
  });

  it('names a consumer app that exists in the workspace', () => {
    for (const entry of COMMANDS) {
      expect(existsSync(path.resolve(__dirname, '../../../../apps', entry.app, 'src/handler.ts'))).toBe(true);
    }
  });

  it('finds entries by type and by app', () => {
    expect(commandEntry('OrdenVenta').route).toBe('/orden-venta');
    expect(commandEntryForApp('movimiento-inventario')?.type).toBe('OrdenVenta');
    expect(commandEntryForApp('gateway')).toBeUndefined();
  });
});
