module.exports = {
  displayName: 'inventory-core',
  preset: '../../jest.preset.cjs',
};
