import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { createContributionRepository } from './contributions-repository.ts';
import { openDatabase } from './database.ts';

const writerScript = fileURLToPath(new URL('../../test/support/durable-writer.ts', import.meta.url));

/** Runs the writer, waits for its acknowledgement, then kills it with SIGKILL (no shutdown code runs). */
function writeThenKill(config: object, title: string): Promise<{ id: string; version: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writerScript, JSON.stringify(config), title], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ACK (\S+) (\d+)\n/.exec(out);
      if (!match) return;
      child.kill('SIGKILL');
      child.on('exit', (_code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer ended by ${signal}, not SIGKILL`));
        else resolve({ id: match[1]!, version: Number(match[2]) });
      });
    });
    child.on('exit', (code, signal) => {
      if (!/ACK /.test(out)) reject(new Error(`writer exited (${code ?? signal}) before acknowledging: ${err}`));
    });
  });
}

describe.each(testEngines)('durability on %s', (engine) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('keeps an acknowledged write after the writing process is killed with SIGKILL', async () => {
    let reopenConfig: object;
    if (engine === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'baukasten-durability-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      reopenConfig = { dataDir };
    } else {
      // A fresh database; the child writes through its own connection.
      const t: TestDatabase = await createTestDatabase('postgres');
      cleanups.push(() => t.dispose());
      reopenConfig = t.reopenConfig;
    }

    const ack = await writeThenKill(reopenConfig, 'Überlebt einen Absturz');

    const db = await openDatabase(reopenConfig as Parameters<typeof openDatabase>[0]);
    try {
      const found = await createContributionRepository(db).get(ack.id);
      expect(found?.title).toBe('Überlebt einen Absturz (bestätigt)');
      expect(found?.version).toBe(ack.version);
    } finally {
      await db.close();
    }
  }, 60_000);
});
