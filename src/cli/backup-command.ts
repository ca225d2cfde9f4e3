import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { open, rename, rm } from 'node:fs/promises';
import { describeDatabase } from '../app/config.ts';
import { writeBackup, restoreBackup, type BackupSummary } from '../storage/backup.ts';
import { openDatabase, type DatabaseConfig } from '../storage/database.ts';

const count = (n: number) => n.toLocaleString('de-DE');

/**
 * `baukasten backup [--output file]`: without --output the backup goes to stdout (nothing else is
 * printed there); with it, to "<file>.part", synced and renamed when complete, so a file of that name
 * is always a whole backup.
 */
export async function runBackupCommand(database: DatabaseConfig, options: { output?: string }): Promise<number> {
  const db = await openDatabase(database);
  try {
    if (!options.output) {
      await writeBackup(db, process.stdout);
      return 0;
    }
    const part = `${options.output}.part`;
    let summary: BackupSummary;
    try {
      const stream = createWriteStream(part);
      summary = await writeBackup(db, stream);
      stream.end();
      await finished(stream);
      // On disk before it gets its name: a file called like the output is always a whole backup.
      const handle = await open(part, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(part, { force: true });
      throw error;
    }
    await rename(part, options.output);
    const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Sicherung geschrieben: ${options.output} – ${count(rows)} Zeilen aus ${summary.tables.length} Tabellen, ${summary.sequences} Sequenzen, Schema-Stand ${summary.migrations.at(-1)} (${describeDatabase(database)}).`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

/** `baukasten restore <file | ->`: all or nothing; on any error the database stays as it was. */
export async function runRestoreCommand(database: DatabaseConfig, file: string): Promise<number> {
  if (file !== '-' && !existsSync(file)) {
    console.error(`Fehler: Die Datei „${file}“ gibt es nicht.`);
    return 1;
  }
  const db = await openDatabase(database);
  try {
    const input = file === '-' ? process.stdin : createReadStream(file);
    const summary = await restoreBackup(db, input);
    const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Sicherung vom ${summary.createdAt} zurückgespielt: ${count(rows)} Zeilen in ${summary.tables.length} Tabellen, ${summary.sequences} Sequenzen (${describeDatabase(database)}).`,
    );
    console.log(
      summary.upgradedBy.length
        ? `Schema: Stand der Sicherung ${summary.backupMigrations.at(-1)}, danach aktualisiert mit ${summary.upgradedBy.join(', ')}.`
        : `Schema-Stand ${summary.backupMigrations.at(-1)}.`,
    );
    return 0;
  } catch (error) {
    console.error(`Fehler: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Nichts wurde zurückgespielt; die Datenbank ist unverändert.');
    return 1;
  } finally {
    await db.close();
  }
}
