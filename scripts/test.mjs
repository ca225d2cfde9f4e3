// Runs the whole suite. The PostgreSQL half of the storage tests needs TEST_DATABASE_URL;
// without it they are not run, and this script says so plainly at the end.
import { spawnSync } from 'node:child_process';

const args = ['vitest', 'run', ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
if (!process.env.TEST_DATABASE_URL) {
  console.log('\nHINWEIS / NOTE: TEST_DATABASE_URL is not set, so the storage tests ran on embedded PGlite only;');
  console.log('the PostgreSQL part was NOT run. Example: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test');
}
process.exit(result.status ?? 1);
