// Pure checks on synthetic graphs and fixture folders, and one scan of the real workspace (which reads the
// Nx project graph, a few seconds).
module.exports = {
  displayName: 'boundaries',
  preset: '../../jest.preset.cjs',
  testTimeout: 60_000,
};
