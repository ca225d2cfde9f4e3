import { Command, Option } from 'commander';
import { loadConfig } from '../app/config.ts';
import { openAppContext } from '../app/context.ts';
import { seedDemoContent } from '../app/seed-demo.ts';
import { DEFAULT_JOURNAL, runImportCommand, type ImportCommandOptions } from './import-command.ts';
import { runExportCommand, type ExportCommandOptions } from './export-command.ts';
import { exportFormats } from '../app/exports/formats.ts';
import { migrate } from '../storage/migrate.ts';
import { createInterface } from 'node:readline';
import { createUser } from '../app/auth/create-user.ts';
import { roleLabels, roles, type Role } from '../domain/user.ts';
import { startServer } from './serve.ts';
import { tokenCommand } from './token-command.ts';
import { runBackupCommand, runRestoreCommand } from './backup-command.ts';

const program = new Command()
  .name('baukasten')
  .description('Nachhaltigkeitsbaukasten – Kommandozeile (import, export, backup, restore, migrate, serve)')
  .showHelpAfterError();

program
  .command('import')
  .description('Frageformulare und Projektsteckbriefe (Text, Markdown, Word, PDF, HTML) als Entwürfe importieren – einzelne Dateien oder ganze Ordner')
  .argument('<paths...>', 'Dateien oder Ordner (Ordner rekursiv: .txt .md .markdown .docx .pdf .html .htm)')
  .option('--dry-run', 'nur auslesen, nichts speichern')
  .option('--json', 'ein JSON-Datensatz pro Datei auf stdout (NDJSON)')
  .option('--publish', 'direkt veröffentlichen statt als Entwurf speichern')
  .option('--report <file>', 'den Bericht zusätzlich als NDJSON in diese Datei schreiben')
  .option('--journal <file>', 'Journal der abgelehnten Dateien (für die Fortsetzung)', DEFAULT_JOURNAL)
  .option('--no-journal', 'kein Journal: abgelehnte Dateien bei jedem Lauf erneut lesen')
  .option('--workers <n>', 'Threads zum Auslesen (0 = im Hauptthread)')
  .action(async (paths: string[], options: ImportCommandOptions) => {
    process.exitCode = await runImportCommand(paths, options, loadConfig());
  });

program
  .command('export')
  .description('veröffentlichte Beiträge als offene Daten exportieren, wie die Downloads unter /daten (Kontaktdaten nur mit Einwilligung); mit --intern alle Beiträge vollständig')
  .addOption(new Option('--format <format>', 'Ausgabeformat').choices([...exportFormats]).default('json'))
  .option('--output <file>', 'in Datei schreiben statt auf stdout')
  .option('--intern', 'alle Beiträge in jedem redaktionellen Stand, in kanonischer Form mit allen personenbezogenen Daten (nur für den Betrieb, nicht zur Veröffentlichung)')
  .action(async (options: ExportCommandOptions) => {
    process.exitCode = await runExportCommand(options, loadConfig());
  });

program
  .command('backup')
  .description('die ganze Datenbank sichern (NDJSON, unabhängig von PGlite oder PostgreSQL): Beiträge mit Versionen, Protokoll, Konten, Kommentare, Postausgang, Einstellungen, Taxonomie')
  .option('--output <file>', 'in Datei schreiben statt auf stdout')
  .action(async (options: { output?: string }) => {
    process.exitCode = await runBackupCommand(loadConfig().database, options);
  });

program
  .command('restore')
  .description('eine Sicherung in eine leere Datenbank zurückspielen (alles oder nichts)')
  .argument('<file>', 'Sicherungsdatei von „baukasten backup“, „-“ für stdin')
  .action(async (file: string) => {
    process.exitCode = await runRestoreCommand(loadConfig().database, file);
  });

program
  .command('migrate')
  .description('Datenbankschema auf den neuesten Stand bringen')
  .action(async () => {
    const config = loadConfig();
    const context = await openAppContext(config.database, { migrate: false });
    try {
      const applied = await migrate(context.db);
      console.log(applied.length ? `Angewendet: ${applied.join(', ')}` : 'Schema ist aktuell.');
    } finally {
      await context.close();
    }
  });

program
  .command('serve')
  .description('Webserver starten')
  .option('--seed-demo', 'beim ersten Start die Demo-Beiträge importieren (idempotent)')
  .action(async (options: { seedDemo?: boolean }) => {
    const config = loadConfig();
    const context = await openAppContext(config.database);
    if (options.seedDemo) {
      const results = await seedDemoContent(context.contributions);
      const added = results.filter((r) => r.outcome === 'imported').length;
      if (added) console.log(`Demo-Inhalte: ${added} Beiträge importiert.`);
      for (const r of results) if (r.outcome === 'rejected') console.error(`Demo-Inhalt nicht importiert: ${r.reason}`);
    }
    await startServer(context, config);
  });

const user = program.command('user').description('Konten der Redaktion verwalten');
user
  .command('add')
  .description('ein Konto anlegen (z. B. das erste Admin-Konto); das Passwort wird abgefragt oder von stdin gelesen')
  .requiredOption('--email <email>', 'E-Mail-Adresse (Anmeldename)')
  .requiredOption('--name <name>', 'Name, wie er im Protokoll erscheint')
  .addOption(new Option('--role <role>', 'Rolle').choices([...roles]).default('editor'))
  .action(async (options: { email: string; name: string; role: Role }) => {
    const password = await readPassword();
    const context = await openAppContext(loadConfig().database);
    try {
      const outcome = await createUser(context, { ...options, password }, { id: null, label: 'cli' });
      if (!outcome.ok) {
        const labels: Record<string, string> = { email: 'E-Mail-Adresse', name: 'Name', role: 'Rolle', password: 'Passwort' };
        for (const error of outcome.errors) console.error(`${labels[error.path] ?? error.path}: ${error.message}`);
        process.exitCode = 1;
        return;
      }
      console.log(`Konto angelegt: ${outcome.user.email} (${roleLabels[outcome.user.role]}).`);
    } finally {
      await context.close();
    }
  });

program.addCommand(tokenCommand());

/** The password from a pipe (scripts) or typed twice without echo (terminal). */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing of what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(question)) process.stdout.write(question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Passwort: ');
  const second = await ask('Passwort wiederholen: ');
  if (first !== second) throw new Error('Die Passwörter stimmen nicht überein.');
  return first;
}

await program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`Fehler: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
