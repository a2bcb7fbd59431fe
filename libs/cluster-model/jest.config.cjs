// The shared settings come in as a preset path: a require() of a file outside the project trips
// @nx/enforce-module-boundaries once the Nx project graph is cached.
module.exports = {
  preset: '../../jest.preset.cjs',
  displayName: 'cluster-model',
  rootDir: __dirname,
};
