import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { describeDatabase, loadConfig } from '../app/config.ts';
import { openAppContext } from '../app/context.ts';
import { importDocuments, type ImportResult, type SourceDocument } from '../app/import-documents.ts';
import { seedDemoContent } from '../app/seed-demo.ts';
import { DEFAULT_MAX_BYTES } from '../import/decode.ts';
import { rejectionReasons } from '../import/messages.ts';
import { migrate } from '../storage/migrate.ts';
import { createInterface } from 'node:readline';
import { createUser } from '../app/auth/create-user.ts';
import { roleLabels, roles, type Role } from '../domain/user.ts';
import { startServer } from './serve.ts';

const program = new Command()
  .name('baukasten')
  .description('Nachhaltigkeitsbaukasten – Kommandozeile (import, export, migrate, serve)')
  .showHelpAfterError();

program
  .command('import')
  .description('Frageformulare und Projektsteckbriefe (Text, Markdown, Word, PDF, HTML) als Entwürfe importieren')
  .argument('<files...>', 'Dateien')
  .option('--dry-run', 'nur auslesen, nichts speichern')
  .option('--json', 'ein JSON-Datensatz pro Datei auf stdout (NDJSON)')
  .option('--publish', 'direkt veröffentlichen statt als Entwurf speichern')
  .action(async (files: string[], options: { dryRun?: boolean; json?: boolean; publish?: boolean }) => {
    const config = loadConfig();
    const { documents, unreadable } = readDocuments(files);
    const context = await openAppContext(config.database);
    try {
      const results = [
        ...unreadable,
        ...(await importDocuments(context.contributions, documents, { dryRun: options.dryRun, state: options.publish ? 'published' : 'draft', actor: 'cli' })),
      ];
      for (const result of results) (options.json ? printJson : printHuman)(result);
      const usable = results.filter((r) => r.outcome !== 'rejected').length;
      if (!options.json) console.error(`${usable} von ${results.length} Dateien verarbeitet (${describeDatabase(config.database)}).`);
      if (usable === 0) process.exitCode = 1;
    } finally {
      await context.close();
    }
  });

program
  .command('export')
  .description('alle Beiträge in kanonischer Form exportieren')
  .addOption(new Option('--format <format>', 'Ausgabeformat').choices(['json', 'ndjson']).default('json'))
  .option('--output <file>', 'in Datei schreiben statt auf stdout')
  .action(async (options: { format: 'json' | 'ndjson'; output?: string }) => {
    const context = await openAppContext(loadConfig().database);
    try {
      const all = await context.contributions.all();
      const text = options.format === 'json' ? `${JSON.stringify(all, null, 2)}\n` : all.map((c) => `${JSON.stringify(c)}\n`).join('');
      if (options.output) writeFileSync(options.output, text);
      else process.stdout.write(text);
    } finally {
      await context.close();
    }
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

/** Reads files; ones that cannot be read become rejections naming the file, not a crash. */
function readDocuments(paths: string[]): { documents: SourceDocument[]; unreadable: ImportResult[] } {
  const documents: SourceDocument[] = [];
  const unreadable: ImportResult[] = [];
  for (const path of paths) {
    try {
      const stat = statSync(path);
      if (!stat.isFile()) throw new Error('keine Datei');
      // Oversized files are refused before reading them into memory.
      if (stat.size > DEFAULT_MAX_BYTES) {
        unreadable.push({ file: basename(path), outcome: 'rejected', reason: rejectionReasons.tooLarge(basename(path), stat.size, DEFAULT_MAX_BYTES) });
        continue;
      }
      documents.push({ name: basename(path), bytes: readFileSync(path) });
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'existiert nicht' : 'kann nicht gelesen werden';
      unreadable.push({ file: basename(path), outcome: 'rejected', reason: `„${path}“ ${why}.` });
    }
  }
  return { documents, unreadable };
}

function printJson(result: ImportResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const outcomeLabels: Record<ImportResult['outcome'], string> = {
  imported: 'importiert',
  duplicate: 'bereits vorhanden',
  parsed: 'ausgelesen (Probelauf)',
  rejected: 'abgelehnt',
};

function printHuman(result: ImportResult): void {
  if (result.outcome === 'rejected') {
    console.error(`✗ ${result.file}: ${result.reason}`);
    return;
  }
  const title = result.outcome === 'parsed' ? result.draft.title : `${result.contribution.title} (/beitraege/${result.contribution.slug})`;
  console.log(`✓ ${result.file}: ${outcomeLabels[result.outcome]} – ${title}`);
  for (const warning of result.warnings) console.log(`  Hinweis: ${warning.message}`);
}

await program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`Fehler: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
