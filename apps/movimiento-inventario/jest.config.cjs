module.exports = {
  displayName: 'movimiento-inventario',
  preset: '../../jest.preset.cjs',
};
