module.exports = {
  displayName: 'dead-letters',
  preset: '../../jest.preset.cjs',
  // The specs run against the SNS/SQS emulator of the local stack, started once for the whole run.
  globalSetup: '<rootDir>/../../tools/local-stack/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/local-stack/src/testing/global-teardown.ts',
  testTimeout: 60000,
};
