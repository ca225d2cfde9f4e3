import MarkdownIt from 'markdown-it';

/*
 * A page as a browser saves it ("Webseite, nur HTML"): the document's content inside <main>,
 * surrounded by what every municipal web page has and the importer must ignore — site header
 * with navigation, breadcrumb, cookie notice, sidebar, footer, styles and scripts.
 */

const md = new MarkdownIt({ html: false, linkify: false, breaks: true });

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeHtml(text: string, title: string, options: { charset?: string; declareCharset?: boolean } = {}): string {
  const charset = options.declareCharset === false ? '' : `<meta charset="${options.charset ?? 'utf-8'}">\n`;
  return `<!DOCTYPE html>
<!-- saved from url=(0052)https://www.nachhaltigkeitsbaukasten.example/beitrag -->
<html lang="de"><head>${charset}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Nachhaltigkeitsstrategie Hessen</title>
<link rel="stylesheet" href="./beitrag_files/site.css">
<style>body{font-family:sans-serif} .cookie{position:fixed;bottom:0}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)} gtag('js', new Date());</script>
</head>
<body class="page">
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header class="site-header"><a href="/"><img src="./beitrag_files/logo.svg" alt="Logo Nachhaltigkeitsstrategie Hessen"></a>
<nav aria-label="Hauptnavigation"><ul><li><a href="/">Start</a></li><li><a href="/projekte">Projekte</a></li><li><a href="/kontakt">Kontakt: Telefon 0611 123-0</a></li></ul></nav>
<form role="search" action="/suche"><label>Suche <input name="q"></label><button>Suchen</button></form></header>
<nav class="breadcrumb" aria-label="Brotkrumen"><ol><li><a href="/">Start</a></li><li>Projekte</li></ol></nav>
<div class="cookie" role="dialog" hidden><p>Diese Seite verwendet Cookies. Projektträger: Werbung GmbH</p><button>OK</button></div>
<main id="inhalt">
<article class="beitrag">
${md.render(text)}</article>
<aside class="related"><h2>Weitere Projekte</h2><ul><li><a href="/p/1">Projektträger des Monats</a></li></ul></aside>
</main>
<footer class="site-footer"><p>© Land Hessen · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a></p><p>Ansprechpartner: Redaktion, Telefon 0611 999-0</p></footer>
<script src="./beitrag_files/app.js"></script>
<noscript><img src="https://stats.example/p.gif" alt=""></noscript>
</body></html>
`;
}
