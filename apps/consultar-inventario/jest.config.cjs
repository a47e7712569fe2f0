module.exports = {
  displayName: 'consultar-inventario',
  preset: '../../jest.preset.cjs',
};
