// Browser tests: the built API and dashboard in child processes, driven by Chromium
// (playwright-core). One file at a time, in order: they share the servers and the demo story.
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'web-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.spec.ts'],
  maxWorkers: 1,
  testTimeout: 60_000,
};
