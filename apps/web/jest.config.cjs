// The web app's tests: next/jest transforms TSX with Next's own SWC setup and maps CSS modules to their class names.
const nextJest = require('next/jest');
const preset = require('../../jest.preset.cjs');

const createJestConfig = nextJest({ dir: __dirname });

module.exports = createJestConfig({
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'node',
  reporters: preset.reporters,
  moduleNameMapper: preset.moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
});
