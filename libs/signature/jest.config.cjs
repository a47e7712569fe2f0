module.exports = {
  displayName: 'signature',
  preset: '../../jest.preset.cjs',
};
