module.exports = {
  displayName: 'expirar-reservas',
  preset: '../../jest.preset.cjs',
  globalSetup: '<rootDir>/../../tools/local-stack/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/local-stack/src/testing/global-teardown.ts',
  testTimeout: 90000,
};
