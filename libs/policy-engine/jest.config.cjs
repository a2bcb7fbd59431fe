module.exports = {
  preset: '../../jest.preset.cjs',
  displayName: 'policy-engine',
  rootDir: __dirname,
};
