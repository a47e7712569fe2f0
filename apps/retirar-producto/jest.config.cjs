module.exports = {
  displayName: 'retirar-producto',
  preset: '../../jest.preset.cjs',
};
