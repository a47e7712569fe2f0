module.exports = {
  displayName: 'local-stack',
  preset: '../../jest.preset.cjs',
};
