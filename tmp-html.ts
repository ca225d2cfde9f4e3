import { htmlToMarkdown } from './src/import/formats/html.ts';
const html = `<!DOCTYPE html><html><head><title>x</title><style>p{}</style><script>var a=1;</script></head><body>
<header><nav><a href="/">Start</a></nav><h1>Site</h1></header>
<main><article><h1>Grüne Höfe – Entsiegelung</h1>
<p><strong>Projektträger:</strong> Kreis Groß-Gerau,<br>Wilhelm-Seipp-Straße 4</p>
<p><b>Projekt</b><b>zweck:</b> Schatten &amp; Wasser. 1. Oktober * Stern</p>
<ol><li>Frage eins?</li><li>Zwei <ul><li>a</li><li>b</li></ul></li></ol>
<table><tr><td><p><strong>Durchführungsort</strong></p></td><td><p>Kreis Offenbach</p><p>und mehr</p></td></tr><tr><td>Laufzeit</td><td>2019 bis 2022</td></tr></table>
<p>Siehe <a href="https://example.org/a_(b)">Seite</a> und <a href="#">Leitfaden</a> und <a href="mailto:a@b.de">a@b.de</a> <a href="https://x.de">https://x.de</a></p>
</article></main><footer>Impressum</footer></body></html>`;
console.log(htmlToMarkdown(html, { page: true }));
