import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { toBlocks } from '../../../scripts/import-fixtures/blocks.ts';
import { writeDocx } from '../../../scripts/import-fixtures/docx-writer.ts';
import { docxLyingSmall, docxManyEntries, docxRealBomb } from '../../../scripts/import-fixtures/hostile.ts';
import { writePdf } from '../../../scripts/import-fixtures/pdf-writer.ts';
import { parseDocument } from '../parse-document.ts';
import type { ParseOutcome, ParsedDocument, RejectedDocument } from '../types.ts';
import { docxToMarkdown, unpackDocx } from './docx.ts';
import { htmlToMarkdown } from './html.ts';
import { layoutPages, type PdfItem } from './pdf.ts';
import { stopConverter } from './sandbox.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

function parsed(outcome: ParseOutcome): ParsedDocument {
  if (!outcome.ok) throw new Error(`expected a draft, got: ${outcome.reason}`);
  return outcome;
}
function rejected(outcome: ParseOutcome): RejectedDocument {
  if (outcome.ok) throw new Error('expected a rejection');
  return outcome;
}

afterAll(stopConverter);

describe('the kind of file is recognised by its content, not its name', () => {
  it('a DOCX named .txt and a PDF named .bin are read as what they are', async () => {
    const docx = parsed(await parseDocument(fixture('sb-tabelle.docx'), 'steckbrief.txt'));
    expect({ fileType: docx.fileType, title: docx.content.title }).toEqual({ fileType: 'docx', title: 'Interkommunales Bürgerportal Kreis Offenbach' });
    const pdf = parsed(await parseDocument(fixture('sb-tabelle.pdf'), 'scan.bin'));
    expect({ fileType: pdf.fileType, title: pdf.content.title }).toEqual({ fileType: 'pdf', title: 'Interkommunales Bürgerportal Kreis Offenbach' });
  });

  it('a text file named .pdf is refused as misnamed', async () => {
    const r = rejected(await parseDocument(utf8('Projekttitel: Test\nProjektträger: Verein'), 'bericht.pdf'));
    expect(r).toMatchObject({ code: 'damaged' });
    expect(r.reason).toBe('„bericht.pdf“ ist als PDF-Datei benannt, hat aber nicht deren Aufbau (Datei beschädigt oder falsch benannt) und wurde nicht importiert.');
  });

  it('an HTML fragment without doctype is read as HTML by its name', async () => {
    const html = '<h1>Grüne Höfe</h1><p><strong>Projektträger:</strong> Kreis Groß-Gerau</p><p><b>Projektlaufzeit:</b> 2022 bis 2024</p>';
    const r = parsed(await parseDocument(utf8(html), 'seite.html'));
    expect({ fileType: r.fileType, title: r.content.title, sponsor: r.content.sponsor?.name }).toEqual({ fileType: 'html', title: 'Grüne Höfe', sponsor: 'Kreis Groß-Gerau' });
  });
});

it('the converter worker does not keep a process alive (a CLI import ends when its work is done)', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const script = `const { parseDocument } = await import('./src/import/parse-document.ts');
    const { readFileSync } = await import('node:fs');
    const r = await parseDocument(readFileSync('test/fixtures/import/sb-tabelle.docx'), 'x.docx');
    console.log(r.ok ? r.content.title : r.reason);`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, timeout: 20_000, encoding: 'utf8' });
  expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: 'Interkommunales Bürgerportal Kreis Offenbach' });
});

describe('limits against hostile input, each with a German reason naming the file', () => {
  it('a DOCX that really inflates to 40 MB is refused from its ZIP directory, without inflating it', async () => {
    const bomb = docxRealBomb(40);
    expect(bomb.length).toBeLessThan(100_000);
    const started = performance.now();
    const r = rejected(await parseDocument(bomb, 'bombe.docx'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(r).toMatchObject({ code: 'too_large', reason: '„bombe.docx“ würde entpackt 40 MB groß (erlaubt sind 30 MB) und wurde zum Schutz vor ZIP-Bomben nicht importiert.' });
  });

  it('a ZIP with thousands of entries is refused', async () => {
    const r = rejected(await parseDocument(docxManyEntries(2500), 'viele.docx'));
    expect(r.reason).toBe('„viele.docx“ enthält 2.503 Teile im ZIP-Archiv (erlaubt sind 2.000) und wurde zum Schutz vor ZIP-Bomben nicht importiert.');
  });

  it('an entry that understates its size is cut at the declared size, not inflated', () => {
    const unpacked = unpackDocx(docxLyingSmall(), 'klein.docx');
    expect(unpacked.ok && unpacked.parts['word/document.xml']?.length).toBe(100);
  });

  it('a conversion that takes too long is stopped, and the next document is read by a fresh worker', async () => {
    const pdf = fixture('sb-tabelle.pdf');
    const r = rejected(await parseDocument(pdf, 'langsam.pdf', { timeLimitMs: 1 }));
    expect(r).toMatchObject({ code: 'too_complex', reason: '„langsam.pdf“ konnte nicht innerhalb von einer Sekunde gelesen werden und wurde nicht importiert.' });
    expect(parsed(await parseDocument(pdf, 'danach.pdf')).content.title).toBe('Interkommunales Bürgerportal Kreis Offenbach');
  });

  it('PDF pages beyond the limit are skipped with a warning', async () => {
    const text = `# Lange Broschüre\n\n**Projektträger:** Verein Langtext e. V.\n\n**Projektzweck:** Lesen.\n\n${'Ein Absatz mit etwas Text, der die Seiten füllt und keine Angaben enthält.\n\n'.repeat(120)}`;
    const r = parsed(await parseDocument(await writePdf(toBlocks(text)), 'lang.pdf', { maxPages: 1 }));
    expect(r.warnings[0]).toMatchObject({ field: 'document', code: 'truncated' });
    expect(r.warnings[0]?.message).toMatch(/^„lang\.pdf“ hat \d+ Seiten; nur die ersten 1 wurden gelesen\.$/);
  });

  it('an endless line, deep nesting and too much text are refused', async () => {
    const long = rejected(await parseDocument(utf8(`Projekttitel: X\nProjektzweck: ${'Wasser '.repeat(10_000)}`), 'zeile.txt'));
    expect(long).toMatchObject({ code: 'too_complex', reason: '„zeile.txt“ enthält eine Zeile mit mehr als 50.000 Zeichen und wurde nicht importiert.' });
    const deep = rejected(await parseDocument(utf8(`Projekttitel: X\n${'> '.repeat(30)}Projektzweck: y`), 'tief.md'));
    expect(deep.reason).toBe('„tief.md“ ist zu tief verschachtelt (mehr als 20 Ebenen von Listen, Zitaten oder Elementen) und wurde nicht importiert.');
    const html = rejected(await parseDocument(utf8(`<!DOCTYPE html><body>${'<div>'.repeat(5000)}Projekttitel: X`), 'tief.html'));
    expect(html).toMatchObject({ code: 'too_complex', reason: '„tief.html“ ist zu aufwendig aufgebaut, um ausgelesen zu werden, und wurde nicht importiert.' });
    const much = rejected(await parseDocument(utf8(`Projekttitel: X\n${'Satz mit Text.\n'.repeat(150_000)}`), 'viel.txt'));
    expect(much.reason).toBe('„viel.txt“ enthält mehr als 2.000.000 Zeichen Text und wurde nicht importiert.');
  });

  it('control characters are removed with a warning, repeated labels are pointed out', async () => {
    const r = parsed(await parseDocument(utf8('Projekttitel: Grüne\u0007 Höfe\nProjektzweck: Schatten\nProjektzweck: Wasser\n'), 'kaputt.txt'));
    expect(r.content.title).toBe('Grüne Höfe');
    expect(r.warnings.slice(0, 2).map((w) => w.message)).toEqual([
      '„kaputt.txt“ enthielt 1 Steuerzeichen (Hinweis auf eine beschädigte Datei); sie wurden entfernt. Bitte den Text prüfen.',
      '„Projektzweck“ steht 2-mal im Dokument; bitte prüfen, welche Angabe gilt.',
    ]);
  });
});

describe('converters', () => {
  it('DOCX: Word numbering goes on across the answers between the questions', async () => {
    const docx = writeDocx(toBlocks('1. Wie kam es zur Entscheidung?\n\nDurch den Ortsbeirat.\n\n2. Wer hat geholfen?\n\nVor allem:\n\n1. Der Kreis\n2. Die Vereine\n\nDas war gut.\n\n3. Was war neu?'));
    const unpacked = unpackDocx(docx, 'x.docx');
    if (!unpacked.ok) throw new Error(unpacked.reason);
    expect(await docxToMarkdown(unpacked.parts)).toBe(
      '1. Wie kam es zur Entscheidung?\n\nDurch den Ortsbeirat.\n\n2. Wer hat geholfen?\n\nVor allem:\n\n1. Der Kreis\n\n2. Die Vereine\n\nDas war gut.\n\n3. Was war neu?',
    );
  });

  it('HTML: page furniture goes, headings, lists, tables, links and emphasis stay', () => {
    const html = `<!DOCTYPE html><html><head><style>p{}</style><script>alert(1)</script></head><body>
      <header><nav><a href="/">Start</a></nav></header>
      <main><h1>Grüne Höfe</h1><p><b>Projekt</b><b>zweck:</b> Schatten &amp; <em>Wasser</em><br>zweite Zeile</p>
      <ul><li>eins</li><li>zwei<ol start="3"><li>drei</li></ol></li></ul>
      <table><tr><th>Feld</th><th>Angabe</th></tr><tr><td><p>Laufzeit</p></td><td>2022 | 2024</td></tr></table>
      <p><a href="https://example.org/a(b)">Seite</a>, <a href="#">Leitfaden</a>, <a href="https://x.example">https://x.example</a>, <a href="mailto:a@b.example">a@b.example</a></p>
      <div hidden>versteckt</div></main><footer>Impressum</footer></body></html>`;
    expect(htmlToMarkdown(html, { page: true })).toBe(
      [
        '# Grüne Höfe',
        '',
        '**Projektzweck:** Schatten & *Wasser*  ',
        'zweite Zeile',
        '',
        '- eins',
        '- zwei',
        '  3. drei',
        '',
        '| Feld | Angabe |',
        '|---|---|',
        '| Laufzeit | 2022 / 2024 |',
        '',
        '[Seite](https://example.org/a%28b%29), [Leitfaden](#), <https://x.example>, a@b.example',
      ].join('\n'),
    );
  });

  it('PDF layout: lines, wrapped paragraphs, table rows, headings, bold and page numbers', () => {
    const item = (str: string, x: number, y: number, options: Partial<PdfItem> = {}): PdfItem => ({ str, x, y, width: str.length * 5, size: 10, bold: false, italic: false, url: null, ...options });
    const text = layoutPages([
      {
        items: [
          item('Grüne Höfe', 50, 800, { size: 16, width: 90 }),
          item('Projektzweck:', 50, 770, { bold: true }),
          item('Höfe werden entsiegelt, damit Wasser', 120, 770),
          item('versickert.', 50, 758),
          item('Laufzeit', 50, 730),
          item('2022 bis 2024', 200, 730),
          item('Seite 1 von 1', 280, 30),
        ],
      },
    ]);
    expect(text).toBe('# Grüne Höfe\n\n**Projektzweck:** Höfe werden entsiegelt, damit Wasser versickert.\n\n| Laufzeit | 2022 bis 2024 |');
  });
});
