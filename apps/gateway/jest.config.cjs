module.exports = {
  displayName: 'gateway',
  preset: '../../jest.preset.cjs',
  // The generated-request test runs the real store and publisher against the emulators.
  globalSetup: '<rootDir>/../../tools/local-stack/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/local-stack/src/testing/global-teardown.ts',
};
