// Shared Jest settings: Node environment, TypeScript through ts-jest (transpile only; `lint` type-checks),
// and the workspace path aliases resolved by Nx's resolver.
const { nxPreset } = require('@nx/jest/preset');

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  testMatch: ['**/?(*.)+(spec|test).ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  testEnvironmentOptions: {},
};
