import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, openDatabase } from './database.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'baukasten-lock-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database belongs to one handle at a time', () => {
  it('refuses a second handle on the same data directory in German, and allows it again after close', async () => {
    const first = await openDatabase({ dataDir });
    await first.exec('CREATE TABLE IF NOT EXISTS t (x integer)');
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirInUseError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/wird schon von Prozess \d+ \(diesem\) benutzt/);
    await first.close();
    const again = await openDatabase({ dataDir });
    expect(await again.query('SELECT count(*)::integer AS n FROM t')).toEqual([{ n: 0 }]);
    await again.close();
  });

  it('takes over the lock of a process that is gone (crash, kill -9)', async () => {
    // The pid of a process that has certainly exited.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dataDir, 'baukasten.lock'), gone);
    const db = await openDatabase({ dataDir });
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
  });
});
