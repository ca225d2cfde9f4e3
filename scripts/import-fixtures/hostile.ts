import { strToU8, zipSync } from 'fflate';

/*
 * Hostile documents for the fixtures and the fuzz test: ZIP bombs in their two forms (a
 * directory that claims huge entries, and entries that really inflate to a lot) and ZIPs
 * with thousands of entries.
 */

const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

const minimalDocx = (documentXml: Uint8Array): Record<string, Uint8Array> => ({
  '[Content_Types].xml': strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  '_rels/.rels': strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
  'word/document.xml': documentXml,
});

const paragraph = (text: string) =>
  strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`);

/** Sets the uncompressed size that the local header and the central directory give for one entry. */
export function claimSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = strToU8(entry);
  const nameAt = (offset: number) => name.every((b, i) => out[offset + i] === b);
  for (let i = 0; i + 46 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && view.getUint16(i + 26, true) === name.length && nameAt(i + 30)) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && view.getUint16(i + 28, true) === name.length && nameAt(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** A DOCX of under 1 KB whose directory claims a document.xml of almost 4 GB. */
export function docxZipBomb(): Uint8Array {
  const zip = zipSync(minimalDocx(paragraph('Projektträger: ZIP-Bombe')), { level: 9, mtime: FIXED_DATE });
  return claimSize(zip, 'word/document.xml', 0xfffffff0);
}

/** A DOCX whose document.xml really inflates to `megabytes` MB (of XML whitespace). */
export function docxRealBomb(megabytes: number): Uint8Array {
  const payload = new Uint8Array(megabytes * 1024 * 1024).fill(0x20);
  const xml = new Uint8Array(payload.length + 200);
  xml.set(paragraph('Projektzweck: Test'));
  xml.set(payload, 120);
  return zipSync(minimalDocx(xml), { level: 9, mtime: FIXED_DATE });
}

/** A DOCX whose directory understates document.xml's size: it lies the other way round. */
export function docxLyingSmall(): Uint8Array {
  const zip = zipSync(minimalDocx(paragraph(`Projektzweck: ${'Wasser '.repeat(20_000)}`)), { level: 9, mtime: FIXED_DATE });
  return claimSize(zip, 'word/document.xml', 100);
}

/** A ZIP with `count` tiny entries besides a valid document. */
export function docxManyEntries(count: number): Uint8Array {
  const files = minimalDocx(paragraph('Projektzweck: viele Teile'));
  for (let i = 0; i < count; i++) files[`word/media/bild${i}.xml`] = strToU8('<x/>');
  return zipSync(files, { level: 0, mtime: FIXED_DATE });
}
