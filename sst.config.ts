/// <reference path="./.sst/platform/config.d.ts" />

// One config, one SST app per service: INVENTARIO_SERVICE picks which (`platform` when unset) and the app
// is named `inventario-<service>`. Each app keeps its own state, so a team deploys, updates or rolls back
// its service alone. The Nx `deploy` target of each app sets the variable; `npm run deploy -- --stage
// <stage>` deploys them all, platform first. What each app holds is derived from the catalogue in
// `libs/events` by `infra/src` (planInfrastructure); SST allows no top-level import, hence `import()`.
/** What `app()` returns, named so `satisfies` catches a misspelt setting (a union return type does not). */
type AppSettings = Awaited<ReturnType<Parameters<typeof $config>[0]['app']>>;

export default $config({
  app(input) {
    // Production keeps its tables when removed, and refuses `sst remove`.
    const production = input.stage === 'production';
    return {
      name: `inventario-${process.env.INVENTARIO_SERVICE ?? 'platform'}`,
      home: 'aws',
      removal: production ? 'retain' : 'remove',
      protect: production,
      providers: { aws: { version: '7.20.0' } },
    } satisfies AppSettings;
  },
  async run() {
    const { deployService } = await import('./infra/src/sst/index');
    return deployService($app.name, $app.stage);
  },
});
