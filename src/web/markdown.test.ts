import { describe, expect, it } from 'vitest';
import { excerpt, markdownToPlainText, missingLinkNote, renderMarkdown } from './markdown.ts';

describe('Markdown from contributions', () => {
  it('renders emphasis, lists and web links, and marks links rel="noopener"', () => {
    const html = renderMarkdown('Das *Modellprojekt* läuft.\n\n- eins\n- zwei\n\nMehr: <https://hage.de/aktivitaeten/>');
    expect(html).toContain('<em>Modellprojekt</em>');
    expect(html).toContain('<li>zwei</li>');
    expect(html).toContain('<a href="https://hage.de/aktivitaeten/" rel="noopener">');
  });

  it('never produces javascript:, data: or relative link targets', () => {
    const html = renderMarkdown('[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html,hi) [r](/intern) <javascript:alert(1)>');
    expect(html).not.toMatch(/href="(?!https?:|mailto:)/i);
    expect(html.toLowerCase()).not.toContain('href="javascript');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)> <b>fett</b>');
    expect(html).not.toMatch(/<(script|img|b)\b/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('turns a placeholder link from the source into text with a note', () => {
    const html = renderMarkdown('Leitfaden ([Leitfaden Prävention - GKV-Spitzenverband](#)).');
    expect(html).not.toContain('<a');
    expect(html).toContain(`Leitfaden Prävention - GKV-Spitzenverband ${missingLinkNote}`);
  });

  it('keeps mailto links and shifts headings below the page structure', () => {
    const html = renderMarkdown('# Titel\n\n## Unterpunkt\n\n[Mail](mailto:info@example.org)');
    expect(html).toContain('<h3>Titel</h3>');
    expect(html).toContain('<h4>Unterpunkt</h4>');
    expect(html).not.toMatch(/<h[12]/);
    expect(html).toContain('href="mailto:info@example.org"');
  });

  it('gives plain text for teasers and shortens it at a word boundary', () => {
    expect(markdownToPlainText('Das **Budget** für Arbeit & mehr\n\nZweiter Absatz')).toBe('Das Budget für Arbeit & mehr Zweiter Absatz');
    expect(excerpt('Ein ziemlich langer Satz über das Budget für Arbeit', 20)).toBe('Ein ziemlich langer …');
  });
});
