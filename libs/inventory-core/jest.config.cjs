module.exports = {
  displayName: 'inventory-core',
  preset: '../../jest.preset.cjs',
  // The store tests run against DynamoDB Local, started once for the whole run.
  globalSetup: '<rootDir>/../../tools/local-stack/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/local-stack/src/testing/global-teardown.ts',
  testTimeout: 60000,
};
