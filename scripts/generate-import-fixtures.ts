/*
 * Writes the DOCX, PDF and HTML fixtures of the importer from the text fixtures in
 * test/fixtures/import: each <name>.txt becomes <name>.docx, <name>.pdf and <name>.html with the
 * same content, so they share the ground truth <name>.expected.json (a <name>.<ext>.expected.json
 * overrides it where a format legitimately reads differently). Also writes the special cases at
 * the end of import-fixtures/generate.ts, whose ground truth is written by hand. The output is
 * deterministic; run it again after changing a text fixture (a test fails while it is stale):
 *
 *   npx tsx scripts/generate-import-fixtures.ts [--check]
 *
 * With --check nothing is written; the script fails if a committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fixturesDir, generateImportFixtures } from './import-fixtures/generate.ts';

const check = process.argv.includes('--check');
const files = await generateImportFixtures();
let stale = 0;
for (const [name, bytes] of files) {
  const url = new URL(name, fixturesDir);
  let current: Buffer | null = null;
  try {
    current = readFileSync(url);
  } catch {
    current = null;
  }
  if (current && Buffer.compare(current, Buffer.from(bytes)) === 0) continue;
  stale++;
  if (check) console.error(`stale: ${name}`);
  else writeFileSync(url, bytes);
}
console.log(`${files.size} fixtures, ${stale} ${check ? 'stale' : 'written'}`);
if (check && stale) process.exitCode = 1;
