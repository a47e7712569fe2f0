module.exports = {
  displayName: 'inventory-e2e',
  preset: '../../jest.preset.cjs',
  globalSetup: '<rootDir>/../../tools/local-stack/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/local-stack/src/testing/global-teardown.ts',
  testTimeout: 120000,
};
