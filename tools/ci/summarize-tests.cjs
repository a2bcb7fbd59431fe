// Sums the Jest JSON reports that every project writes (see jest.preset.cjs) into one line,
// and fails when no test ran: a suite that silently found nothing must not pass.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2] ?? 'tmp/test-results';
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
if (files.length === 0 || passed === 0) {
  process.stderr.write(`no test results found in ${dir}: the test run executed no test\n`);
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
