// The quick chaos run starts its own emulators and apps in a child process (it restarts DynamoDB Local,
// which the shared global stack cannot), so no globalSetup here; it gets time, and files run one at a time.
module.exports = {
  displayName: 'bench',
  preset: '../../jest.preset.cjs',
  testTimeout: 330_000,
  maxWorkers: 1,
};
