module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'cluster-model',
  rootDir: __dirname,
};
