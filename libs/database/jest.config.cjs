module.exports = {
  preset: '../../jest.preset.cjs',
  displayName: 'database',
  rootDir: __dirname,
  // Specs start real PostgreSQL servers and run the Prisma CLI.
  testTimeout: 60_000,
};
