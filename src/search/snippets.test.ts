import { describe, expect, it } from 'vitest';
import { termOf } from './analyzer.ts';
import { bestSnippet, highlight } from './snippets.ts';

const matched = (...words: string[]) => new Set(words.map(termOf));
const asText = (snippet: Array<{ text: string; match: boolean }>) => snippet.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('snippets', () => {
  it('marks every word whose index term matched, in any inflection', () => {
    expect(asText(highlight('Förderung und Förderungen für Erwerbslose', matched('Förderung')))).toBe('[Förderung] und [Förderungen] für Erwerbslose');
  });

  it('cuts the window with the most matches and marks the cut with an ellipsis', () => {
    const text = `${'Einleitung ohne Bezug. '.repeat(20)}Hier geht es um Streuobstwiesen und Streuobst im Vogelsberg.`;
    const result = bestSnippet(text, matched('Streuobstwiesen', 'Vogelsberg'))!;
    expect(result.matches).toBe(2);
    expect(asText(result.snippet)).toMatch(/^… .*\[Streuobstwiesen\].*\[Vogelsberg\]/);
  });

  it('reads as plain text: no Markdown markers or addresses, but gender stars stay', () => {
    const result = bestSnippet('Das **Modellprojekt** mit *Referent*innen* ([Leitfaden](#)) <https://hage.de/x> läuft.', matched('Modellprojekt'))!;
    expect(asText(result.snippet)).toBe('Das [Modellprojekt] mit Referent*innen (Leitfaden) läuft.');
  });
});
