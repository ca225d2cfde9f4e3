import type { Child, FC } from 'hono/jsx';

export const siteName = 'Nachhaltigkeitsbaukasten Hessen';

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the canonical form of this page. */
  canonicalUrl: string;
  /** Pages that only exist to explain an error or a wrong parameter should not be indexed. */
  noindex?: boolean;
  /** schema.org JSON-LD, already serialised with "<" escaped (see jsonLdScript). */
  jsonLd?: string;
  /** Same-origin scripts (versioned URLs) this page is enhanced with; pages work without them. */
  scripts?: string[];
  /** Other representations of this page's subject, as <link rel="alternate"> (e.g. the DCAT-AP.de description on /daten). */
  alternates?: Array<{ type: string; href: string; title: string }>;
}

export const feedPath = '/feed.atom';
/** The open data page with the downloads (src/web/open-data). */
export const openDataPath = '/daten';

export const Layout: FC<{ meta: PageMeta; stylesheetHref: string; children?: Child }> = ({ meta, stylesheetHref, children }) => (
  <html lang="de">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{meta.title === siteName ? siteName : `${meta.title} – ${siteName}`}</title>
      <meta name="description" content={meta.description} />
      <link rel="canonical" href={meta.canonicalUrl} />
      {meta.noindex ? <meta name="robots" content="noindex" /> : null}
      <link rel="stylesheet" href={stylesheetHref} />
      <link rel="alternate" type="application/atom+xml" href={feedPath} title={`${siteName}: neue Beiträge`} />
      {(meta.alternates ?? []).map((alternate) => (
        <link rel="alternate" type={alternate.type} href={alternate.href} title={alternate.title} />
      ))}
      {meta.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: meta.jsonLd }} /> : null}
      {(meta.scripts ?? []).map((src) => (
        <script src={src} defer />
      ))}
    </head>
    <body>
      <a class="skip-link" href="#inhalt">
        Zum Inhalt springen
      </a>
      <header class="site-header">
        <div class="inner">
          <a class="site-name" href="/">
            {siteName}
          </a>
          <p class="site-tagline">Gute Praxis von Kommunen für Kommunen</p>
          <nav aria-label="Hauptnavigation" class="site-nav">
            <ul>
              <li>
                <a href="/suche">Suche</a>
              </li>
              <li>
                <a href="/regionen">Regionen</a>
              </li>
              <li>
                <a href="/einreichen">Projekt einreichen</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      {/* tabindex -1 lets the skip link move keyboard focus into main, not just scroll. */}
      <main id="inhalt" tabindex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="inner">
          <p>
            {siteName} – ein Katalog guter kommunaler Praxis im Rahmen der Hessischen Nachhaltigkeitsstrategie.
          </p>
          <nav aria-label="Fußzeile">
            <ul>
              <li>
                <a href="/">Alle Beiträge</a>
              </li>
              <li>
                <a href="/regionen">Beiträge nach Regionen</a>
              </li>
              <li>
                <a href="/einreichen">Projekt einreichen</a>
              </li>
              <li>
                <a href="/impressum">Impressum</a>
              </li>
              <li>
                <a href="/datenschutz">Datenschutz</a>
              </li>
              <li>
                <a href="/barrierefreiheit">Barrierefreiheit</a>
              </li>
              <li>
                <a href={feedPath}>Neue Beiträge als Feed (Atom)</a>
              </li>
              <li>
                <a href={openDataPath}>Offene Daten</a>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </body>
  </html>
);
