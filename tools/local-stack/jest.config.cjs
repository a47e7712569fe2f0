// The stack's own tests start real emulators (a JVM among them), so they get time and run one file at a
// time; globalSetup gives them a shared in-memory stack, exactly as other projects use it.
module.exports = {
  displayName: 'local-stack',
  preset: '../../jest.preset.cjs',
  testTimeout: 120_000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
};
