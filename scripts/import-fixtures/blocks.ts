import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/*
 * A text fixture (Markdown-ish, as office documents are converted to) → a small document model
 * that the DOCX, PDF and HTML writers render: what a person would have typed in Word.
 */

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  href: string | null;
  /** A line break inside the paragraph (Shift+Enter). */
  br?: boolean;
}

export interface ListInfo {
  ordered: boolean;
  level: number;
  /** Number shown (ordered lists). */
  number: number;
  /** Identifies the Word list an item belongs to; an ordered list that goes on (start > 1) keeps the earlier list's id. */
  listId: number;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[]; heading: number; list: ListInfo | null }
  | { kind: 'table'; rows: Run[][][] };

const md = new MarkdownIt({ html: false, linkify: false, breaks: true });

export function toBlocks(text: string): Block[] {
  const tokens = md.parse(text, {});
  const blocks: Block[] = [];
  const lists: Array<{ ordered: boolean; number: number; listId: number }> = [];
  // Per level, every ordered list so far with the number of its last item.
  const ordered = new Map<number, Map<number, number>>();
  let nextListId = 1;
  let heading = 0;
  let table: Run[][][] | null = null;
  let row: Run[][] | null = null;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (t.type) {
      case 'heading_open':
        heading = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        heading = 0;
        break;
      case 'bullet_list_open':
        lists.push({ ordered: false, number: 0, listId: 0 });
        break;
      case 'ordered_list_open': {
        const start = Number(t.attrGet('start') ?? '1');
        const level = lists.length;
        // Word continues a list after the paragraphs between its items (questions and answers); of
        // several lists that could go on, the oldest is the outer structure (the questions).
        const continued = start > 1 ? [...(ordered.get(level) ?? [])].find(([, last]) => last === start - 1)?.[0] : undefined;
        const listId = continued ?? nextListId++;
        lists.push({ ordered: true, number: start - 1, listId });
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        if (list?.ordered) {
          list.number++;
          const level = ordered.get(lists.length - 1) ?? new Map<number, number>();
          level.set(list.listId, list.number);
          ordered.set(lists.length - 1, level);
        }
        break;
      }
      case 'table_open':
        table = [];
        break;
      case 'table_close':
        if (table) blocks.push({ kind: 'table', rows: table });
        table = null;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (table && row) table.push(row);
        row = null;
        break;
      case 'inline': {
        const runs = inlineRuns(t.children ?? []);
        if (row) {
          row.push(runs);
          break;
        }
        const list = lists[lists.length - 1];
        // Only the first paragraph of a list item carries its number.
        const first = (tokens[i - 2] as Token | undefined)?.type === 'list_item_open';
        const info = list && first ? { ordered: list.ordered, level: lists.length - 1, number: list.number, listId: list.listId } : null;
        blocks.push({ kind: 'paragraph', runs, heading, list: info });
        break;
      }
      case 'fence':
      case 'code_block':
        for (const line of t.content.replace(/\n$/, '').split('\n'))
          blocks.push({ kind: 'paragraph', runs: [{ text: line, bold: false, italic: false, href: null }], heading: 0, list: null });
        break;
      default:
        break;
    }
  }
  return blocks;
}

function inlineRuns(children: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | null = null;
  for (const c of children) {
    if (c.type === 'strong_open') bold++;
    else if (c.type === 'strong_close') bold--;
    else if (c.type === 'em_open') italic++;
    else if (c.type === 'em_close') italic--;
    else if (c.type === 'link_open') href = c.attrGet('href');
    else if (c.type === 'link_close') href = null;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') runs.push({ text: '', bold: false, italic: false, href: null, br: true });
    else if (c.type === 'text' || c.type === 'code_inline') runs.push({ text: c.content, bold: bold > 0, italic: italic > 0, href });
  }
  return runs;
}
