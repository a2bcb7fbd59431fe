// A Jest reporter that writes the run's totals to tmp/test-results/<project>.json.
const fs = require('node:fs');
const path = require('node:path');

class JsonSummaryReporter {
  constructor(globalConfig) {
    this.name = globalConfig.rootDir.split(path.sep).slice(-2).join('-');
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '..', 'tmp', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numTotalTests } = results;
    fs.writeFileSync(
      // One file per run: two configs of one project (unit and browser tests) both count.
      path.join(dir, `${this.name}-${process.pid}.json`),
      JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTodoTests, numTotalTests }),
    );
  }
}

module.exports = JsonSummaryReporter;
