import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'baukasten-cli-tokens-'));
const env: NodeJS.ProcessEnv = { ...process.env, BAUKASTEN_DATA_DIR: join(work, 'data') };
delete env.DATABASE_URL;
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each command starts a process that opens the embedded database (seconds on a loaded 2-core machine):
// a generous limit against hangs, not a speed requirement.
const SPAWNING_TEST_MS = 120_000;

const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(root, 'bin/baukasten.js'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('baukasten token (an operator hands a key to a trusted system)', () => {
  it('adds a key printed once on stdout, lists it without the secret, revokes it', () => {
    const added = cli('token', 'add', '--name', 'Förderdatenbank des Landes', '--scope', 'import', 'edit', '--valid-days', '30');
    expect(added.status).toBe(0);
    const secret = added.stdout.trim();
    expect(secret).toMatch(/^bk_[\w-]{43}$/);
    expect(added.stderr).toContain('Zugang „Förderdatenbank des Landes“ angelegt (edit, import; gültig bis');

    const listed = cli('token', 'list');
    expect(listed.status).toBe(0);
    expect(listed.stdout).not.toContain(secret);
    const [id, prefix, state, scopes, name] = listed.stdout.trim().split('\t');
    expect({ prefix, state, scopes, name }).toEqual({ prefix: `${secret.slice(0, 9)}…`, state: 'active', scopes: 'edit,import', name: 'Förderdatenbank des Landes' });

    expect(cli('token', 'revoke', id!).stdout).toContain('Zugang „Förderdatenbank des Landes“ widerrufen.');
    expect(cli('token', 'list').stdout).toContain('\trevoked\t');
    const again = cli('token', 'revoke', id!);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Dieser API-Zugang ist bereits widerrufen.');
  }, SPAWNING_TEST_MS);

  it('refuses a key without a usable name or scope, in German', () => {
    const noScope = cli('token', 'add', '--name', 'System');
    expect(noScope.status).not.toBe(0);
    const shortName = cli('token', 'add', '--name', 'X', '--scope', 'import');
    expect(shortName.status).toBe(1);
    expect(shortName.stderr).toContain('Name: Bitte geben Sie dem Zugang einen Namen mit mindestens 3 Zeichen');
    const badDays = cli('token', 'add', '--name', 'System', '--scope', 'import', '--valid-days', 'morgen');
    expect(badDays.status).toBe(1);
    expect(badDays.stderr).toContain('Gültigkeit: Die Gültigkeit ist eine ganze Zahl von Tagen zwischen 1 und 3650.');
  }, SPAWNING_TEST_MS);
});
