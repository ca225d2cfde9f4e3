import { strToU8, zipSync } from 'fflate';
import type { Block, Run } from './blocks.ts';

/*
 * A minimal but real WordprocessingML package, written as Word does for the features the
 * importer reads: heading styles, bold/italic runs, hyperlinks, line breaks, bullet and
 * numbered lists (one numbering instance per list, continued across interrupting paragraphs)
 * and tables. Deterministic: fixed timestamps, ids counted from 1.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function writeDocx(blocks: readonly Block[]): Uint8Array {
  const links: string[] = [];
  const orderedLists = new Set<number>();
  const runXml = (r: Run) => {
    if (r.br) return '<w:r><w:br/></w:r>';
    const props = `${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}${r.href ? '<w:rStyle w:val="Hyperlink"/>' : ''}`;
    return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
  };
  const runsXml = (runs: readonly Run[]) => {
    let xml = '';
    for (let i = 0; i < runs.length; i++) {
      const r = runs[i] as Run;
      if (!r.href || r.href === '#') {
        xml += runXml(r);
        continue;
      }
      // Consecutive runs with the same target form one hyperlink.
      let j = i;
      let inner = '';
      while (j < runs.length && runs[j]?.href === r.href) inner += runXml(runs[j++] as Run);
      links.push(r.href);
      xml += `<w:hyperlink r:id="rIdLink${links.length}">${inner}</w:hyperlink>`;
      i = j - 1;
    }
    return xml;
  };

  let body = '';
  for (const block of blocks) {
    if (block.kind === 'table') {
      const columns = Math.max(...block.rows.map((r) => r.length));
      const grid = `<w:tblGrid>${'<w:gridCol w:w="4500"/>'.repeat(columns)}</w:tblGrid>`;
      const rows = block.rows
        .map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr><w:p>${runsXml(cell)}</w:p></w:tc>`).join('')}</w:tr>`)
        .join('');
      body += `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows}</w:tbl>`;
      continue;
    }
    let pPr = '';
    if (block.heading) pPr = `<w:pStyle w:val="Heading${block.heading}"/>`;
    else if (block.list) {
      const numId = block.list.ordered ? block.list.listId + 1 : 1;
      if (block.list.ordered) orderedLists.add(block.list.listId);
      pPr = `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${block.list.level}"/><w:numId w:val="${numId}"/></w:numPr>`;
    }
    body += `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runsXml(block.runs)}</w:p>`;
  }

  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`),
    'docProps/core.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Baukasten-Testdaten</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created></cp:coreProperties>`),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>${links
      .map((href, i) => `<Relationship Id="rIdLink${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(href)}" TargetMode="External"/>`)
      .join('')}</Relationships>`),
    'word/styles.xml': strToU8(stylesXml()),
    'word/numbering.xml': strToU8(numberingXml([...orderedLists].sort((a, b) => a - b))),
  };
  return zipSync(files, { level: 6, mtime: FIXED_DATE });
}

function stylesXml(): string {
  // Built-in style names as Word stores them (lower-case "heading 1"), whatever the UI language.
  const headings = [1, 2, 3, 4, 5, 6]
    .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${headings}<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>`;
}

/** numId 1: bullets; numId n+1: the ordered list with id n, each with its own definition as Word makes them. */
function numberingXml(orderedLists: readonly number[]): string {
  const levels = (format: (level: number) => string) => Array.from({ length: 9 }, (_, level) => format(level)).join('');
  const bullet = `<w:abstractNum w:abstractNumId="0">${levels((l) => `<w:lvl w:ilvl="${l}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:pPr><w:ind w:left="${720 * (l + 1)}" w:hanging="360"/></w:pPr></w:lvl>`)}</w:abstractNum>`;
  const ordered = orderedLists
    .map((id) => `<w:abstractNum w:abstractNumId="${id}">${levels((l) => `<w:lvl w:ilvl="${l}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%${l + 1}."/><w:pPr><w:ind w:left="${720 * (l + 1)}" w:hanging="360"/></w:pPr></w:lvl>`)}</w:abstractNum>`)
    .join('');
  const nums = [`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`, ...orderedLists.map((id) => `<w:num w:numId="${id + 1}"><w:abstractNumId w:val="${id}"/></w:num>`)].join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">${bullet}${ordered}${nums}</w:numbering>`;
}
