// The CLI's tests run against the emulators of the shared global setup, with consumers in-process and the
// gateway as a process. commander is ESM-only and Jest loads CommonJS, so it is transpiled like our sources.
const preset = require('../../jest.preset.cjs');

module.exports = {
  displayName: 'inv',
  preset: '../../jest.preset.cjs',
  transform: {
    ...preset.transform,
    '/node_modules/commander/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!commander/)'],
  globalSetup: '<rootDir>/../../tools/local-stack/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/local-stack/src/testing/global-teardown.ts',
  testTimeout: 120_000,
};
