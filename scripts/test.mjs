// Runs the whole suite. The PostgreSQL half of the storage tests needs TEST_DATABASE_URL;
// without it they are not run, and this script says so plainly at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reportDir = mkdtempSync(join(tmpdir(), 'baukasten-test-'));
const report = join(reportDir, 'vitest.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

if (!process.env.TEST_DATABASE_URL) {
  console.log('\nHINWEIS / NOTE: TEST_DATABASE_URL is not set, so the storage tests ran on embedded PGlite only;');
  console.log('the PostgreSQL part was NOT run. Example: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test');
}
try {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  // A plain closing line that any CI log reader understands.
  // A test file that fails before its tests run (a missing browser, a broken import) counts no failed
  // test, so failed files are named in the closing line as well.
  const failedFiles = (summary.testResults ?? []).filter((file) => file.status === 'failed').length;
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}${failedFiles ? `; ${failedFiles} test files failed` : ''}`);
} catch {
  console.log('\nno test report was written');
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
