module.exports = {
  preset: '../../jest.preset.cjs',
  displayName: 'cli',
  rootDir: __dirname,
};
