import { join } from 'node:path';
import { systemApps } from './apps';

const APP_NAMES = [
  'gateway',
  'orden-compra',
  'movimiento-inventario',
  'actualiza-producto',
  'retirar-producto',
  'transferir-stock',
  'crear-reserva',
  'confirmar-reserva',
  'liberar-reserva',
  'expirar-reservas',
];

describe('the apps npm start runs', () => {
  it('runs the gateway, one consumer per catalogue entry and the sweeper from their TypeScript entry points by default', () => {
    const apps = systemApps('/repo');

    expect(apps.map((app) => app.name)).toEqual(APP_NAMES);
    expect(apps[0]).toEqual({ name: 'gateway', entry: join('/repo', 'apps/gateway/src/main.ts'), http: true });
    expect(apps.every((app) => app.bundle === undefined)).toBe(true);
  });

  it('runs each app from its prebuilt bundle when given the bundles folder', () => {
    const apps = systemApps('/repo', { bundlesDir: '/repo/dist/local-apps' });

    expect(apps.map((app) => app.bundle)).toEqual(
      APP_NAMES.map((name) => join('/repo/dist/local-apps', name, 'main.js')),
    );
    expect(apps.filter((app) => app.http).map((app) => app.name)).toEqual(['gateway']);
  });

  it('runs every background app in the one workers process when asked to, as npm start does', () => {
    const apps = systemApps('/repo', { bundlesDir: '/repo/dist/local-apps', oneWorkersProcess: true });

    expect(apps).toEqual([
      { name: 'gateway', entry: join('/repo', 'apps/gateway/src/main.ts'), bundle: join('/repo/dist/local-apps/gateway/main.js'), http: true },
      { name: 'workers', entry: join('/repo', 'tools/local-stack/src/workers/main.ts'), bundle: join('/repo/dist/local-apps/workers/main.js'), http: false },
    ]);
  });

  it('keeps one process per app without bundles (stand-ins in tests), asked or not', () => {
    expect(systemApps('/repo', { oneWorkersProcess: true }).map((app) => app.name)).toEqual(APP_NAMES);
  });
});
