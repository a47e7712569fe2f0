module.exports = {
  displayName: 'actualiza-producto',
  preset: '../../jest.preset.cjs',
};
