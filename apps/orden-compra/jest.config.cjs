module.exports = {
  displayName: 'orden-compra',
  preset: '../../jest.preset.cjs',
};
