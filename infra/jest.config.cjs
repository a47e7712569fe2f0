module.exports = {
  displayName: 'infra',
  preset: '../jest.preset.cjs',
  globalSetup: '<rootDir>/../tools/local-stack/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../tools/local-stack/src/testing/global-teardown.ts',
  testTimeout: 180000,
};
