module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'policy-engine',
  rootDir: __dirname,
};
