// Bundles the API with its workspace libraries (resolved through the tsconfig path aliases).
// Packages from node_modules stay external: NestJS's optional modules, Prisma's runtime, and
// client-node, which is ESM and loaded through Node's require(esm).
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.json');

const root = path.resolve(__dirname, '../..');
const alias = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [`${name}$`, path.join(root, target)]),
);
const workspaceAliases = new Set(Object.keys(compilerOptions.paths));

module.exports = {
  mode: 'production',
  target: 'node',
  context: __dirname,
  entry: { main: './src/main.ts' },
  output: { path: path.join(root, 'dist/apps/api'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  optimization: { minimize: false, nodeEnv: false },
  resolve: { extensions: ['.ts', '.js'], alias },
  externals: [
    ({ request }, callback) => {
      const bare = /^(@[^/]+\/)?[^./][^:]*$/.test(request) && !request.startsWith('node:');
      if (bare && !workspaceAliases.has(request)) return callback(null, `commonjs ${request}`);
      return callback();
    },
  ],
  externalsPresets: { node: true },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        options: { configFile: path.join(__dirname, 'tsconfig.app.json'), transpileOnly: true },
      },
    ],
  },
  node: { __dirname: false, __filename: false },
  stats: 'errors-warnings',
};
