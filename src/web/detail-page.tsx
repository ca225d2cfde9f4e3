import type { Child, FC } from 'hono/jsx';
import {
  fundingKindLabels,
  kindLabels,
  type ContactPerson,
  type Contribution,
  type Funding,
  type Link,
  type Organisation,
  type Participation,
  type Taxonomy,
} from '../domain/contribution.ts';
import { formatEuroCents } from '../domain/money.ts';
import { deriveStatus, formatPeriod, statusLabels, type Period } from '../domain/period.ts';
import type { TaxonomyNames } from '../domain/taxonomy.ts';
import { isSafeHref, missingLinkNote } from './markdown.ts';
import { Markdown, Paragraphs, hasText } from './text.tsx';

interface Section {
  id: string;
  title: string;
  content: Child;
}


const participationLabels: Record<Participation['status'], string | null> = {
  open: 'Eine Teilnahme ist möglich.',
  closed: 'Eine Teilnahme ist derzeit nicht möglich.',
  unknown: null,
};

const ExternalLink: FC<{ href: string; children: Child }> = ({ href, children }) =>
  isSafeHref(href) ? (
    <a href={href} rel="noopener">
      {children}
    </a>
  ) : (
    <>{children}</>
  );

const SponsorBlock: FC<{ sponsor: Organisation }> = ({ sponsor }) => {
  const cityLine = [sponsor.postcode, sponsor.city].filter(hasText).join(' ');
  return (
    <>
      <h3>Träger</h3>
      <address>
        <strong>{sponsor.name}</strong>
        {hasText(sponsor.street) ? (
          <>
            <br />
            {sponsor.street}
          </>
        ) : null}
        {cityLine ? (
          <>
            <br />
            {cityLine}
          </>
        ) : null}
        {sponsor.website ? (
          <>
            <br />
            <ExternalLink href={sponsor.website}>{sponsor.website}</ExternalLink>
          </>
        ) : null}
      </address>
    </>
  );
};

/** DSGVO: name, phone and e-mail are personal data and appear only with the person's consent. */
const ContactBlock: FC<{ contact: ContactPerson }> = ({ contact }) => {
  if (!contact.publishConsent) {
    return <p class="contact">{hasText(contact.role) ? `${contact.role}: Kontakt über den Träger` : 'Kontakt über den Träger'}</p>;
  }
  return (
    <div class="contact">
      <p>
        <strong>{contact.name}</strong>
        {hasText(contact.role) ? `, ${contact.role}` : ''}
      </p>
      {contact.phone || contact.email ? (
        <dl class="facts">
          {contact.phone ? (
            <>
              <dt>Telefon</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
              </dd>
            </>
          ) : null}
          {contact.email ? (
            <>
              <dt>E-Mail</dt>
              <dd>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
};

function sponsorAndContacts(contribution: Contribution): Child {
  const { sponsor, contacts } = contribution;
  if (!sponsor && contacts.length === 0) return null;
  return (
    <>
      {sponsor ? <SponsorBlock sponsor={sponsor} /> : null}
      {contacts.length > 0 ? (
        <>
          <h3>Ansprechpartner*innen</h3>
          {contacts.map((contact) => (
            <ContactBlock contact={contact} />
          ))}
        </>
      ) : null}
    </>
  );
}

function periodAndStatus(period: Period): Child {
  const formatted = formatPeriod(period);
  const status = deriveStatus(period);
  if (!hasText(formatted) && status === 'unknown') return null;
  return (
    <dl class="facts">
      {hasText(formatted) ? (
        <>
          <dt>Laufzeit</dt>
          <dd>{formatted}</dd>
        </>
      ) : null}
      {status !== 'unknown' ? (
        <>
          <dt>Status</dt>
          <dd>{statusLabels[status]}</dd>
        </>
      ) : null}
    </dl>
  );
}

function participation(p: Participation): Child {
  const label = participationLabels[p.status];
  if (!label && !hasText(p.text)) return null;
  return (
    <>
      {label ? <p>{label}</p> : null}
      {hasText(p.text) ? <Paragraphs text={p.text} /> : null}
    </>
  );
}

function funding(f: Funding): Child {
  const amounts: Array<[string, number | null]> = [
    ['Fördersumme', f.grantCents],
    ['Eigenanteil', f.ownCents],
    ['Gesamtkosten', f.totalCents],
  ];
  const shownAmounts = amounts.filter((entry): entry is [string, number] => entry[1] !== null);
  if (f.sources.length === 0 && shownAmounts.length === 0 && !hasText(f.text)) return null;
  return (
    <>
      {f.sources.length > 0 ? (
        <ul>
          {f.sources.map((source) => {
            // "Sonstige" says nothing beside a named source.
            const kind = source.kind === 'sonstige' ? null : fundingKindLabels[source.kind];
            return (
              <li>
                {source.name}
                {kind && kind !== source.name ? ` (${kind})` : ''}
                {source.amountCents !== null ? `: ${formatEuroCents(source.amountCents)}` : ''}
              </li>
            );
          })}
        </ul>
      ) : null}
      {shownAmounts.length > 0 ? (
        <dl class="facts">
          {shownAmounts.map(([label, cents]) => (
            <>
              <dt>{label}</dt>
              <dd>{formatEuroCents(cents)}</dd>
            </>
          ))}
        </dl>
      ) : null}
      {hasText(f.text) ? <Paragraphs text={f.text} /> : null}
    </>
  );
}

/** A link the source lacked or that is known to be dead is written as text, never as a dead anchor. */
const LinkItem: FC<{ link: Link }> = ({ link }) => {
  const label = hasText(link.label) ? link.label : (link.url ?? 'Link');
  if (link.placeholder || !isSafeHref(link.url)) return <li>{`${label} ${missingLinkNote}`}</li>;
  if (link.broken) return <li>{`${label} (${link.url}) – Link derzeit nicht erreichbar`}</li>;
  return (
    <li>
      <ExternalLink href={link.url}>{label}</ExternalLink>
    </li>
  );
};

function taxonomy(t: Taxonomy, names: TaxonomyNames): Child {
  const area = t.leitbildArea ? (names.leitbildAreas.get(t.leitbildArea) ?? t.leitbildArea) : null;
  if (!area && !t.kommunenFocus && t.leitsaetze.length === 0 && t.sdgs.length === 0) return null;
  return (
    <>
      {area || t.kommunenFocus ? (
        <p>
          {area ? `Bereich des Leitbilds: ${area}` : ''}
          {area && t.kommunenFocus ? ' · ' : ''}
          {t.kommunenFocus ? 'Schwerpunkt Kommunen' : ''}
        </p>
      ) : null}
      <NumberedNames heading="Leitsätze der Hessischen Nachhaltigkeitsstrategie" prefix="Leitsatz" numbers={t.leitsaetze} names={names.leitsaetze} />
      <NumberedNames heading="Ziele für nachhaltige Entwicklung (SDGs)" prefix="SDG" numbers={t.sdgs} names={names.sdgs} />
    </>
  );
}

const markdownOrNull = (source: string | null): Child => (hasText(source) ? <Markdown source={source} /> : null);

/** Sections in the order a municipal reader needs them; a section without content is left out. */
export function detailSections(contribution: Contribution, names: TaxonomyNames): Section[] {
  const c = contribution;
  const candidates: Section[] = [
    { id: 'kurzbeschreibung', title: 'Kurzbeschreibung', content: markdownOrNull(c.description) },
    { id: 'projektzweck', title: 'Projektzweck', content: markdownOrNull(c.purpose) },
    {
      id: 'bestandteile',
      title: 'Bestandteile',
      content:
        c.components.length > 0
          ? c.components.map((component) => (
              <>
                <h3>{component.title}</h3>
                {markdownOrNull(component.text)}
              </>
            ))
          : null,
    },
    { id: 'umsetzung', title: 'Wie kam es zur Umsetzung?', content: markdownOrNull(c.answers.decision) },
    { id: 'unterstuetzung', title: 'Unterstützung', content: markdownOrNull(c.answers.support) },
    { id: 'herausforderungen', title: 'Herausforderungen und Tipps', content: markdownOrNull(c.answers.challenges) },
    { id: 'voraussetzungen', title: 'Voraussetzungen und Eignung', content: markdownOrNull(c.answers.prerequisites) },
    { id: 'kontakt', title: 'Träger und Kontakt', content: sponsorAndContacts(c) },
    {
      id: 'ort',
      title: 'Ort',
      content:
        c.places.length > 0 ? (
          <ul>
            {c.places.map((place) => (
              <li>
                {place.label}
                {place.focus ? ' (Schwerpunktregion)' : ''}
              </li>
            ))}
          </ul>
        ) : null,
    },
    { id: 'laufzeit', title: 'Laufzeit und Status', content: periodAndStatus(c.period) },
    { id: 'teilnahme', title: 'Teilnahme', content: participation(c.participation) },
    { id: 'finanzierung', title: 'Finanzierung', content: funding(c.funding) },
    {
      id: 'rechtsgrundlagen',
      title: 'Rechtsgrundlagen',
      content:
        c.legalReferences.length > 0 ? (
          <ul>
            {c.legalReferences.map((ref) => (
              <li>{ref.label}</li>
            ))}
          </ul>
        ) : null,
    },
    {
      id: 'partner',
      title: 'Partner',
      content:
        c.partners.length > 0 ? (
          <ul>
            {c.partners.map((partner) => (
              <li>
                {partner.website ? <ExternalLink href={partner.website}>{partner.name}</ExternalLink> : partner.name}
                {hasText(partner.role) ? ` – ${partner.role}` : ''}
              </li>
            ))}
          </ul>
        ) : null,
    },
    {
      id: 'zielgruppen',
      title: 'Zielgruppen',
      content:
        c.targetGroups.length > 0 ? (
          <ul>
            {c.targetGroups.map((group) => (
              <li>{group}</li>
            ))}
          </ul>
        ) : null,
    },
    {
      id: 'links',
      title: 'Links',
      content:
        c.links.length > 0 ? (
          <ul>
            {c.links.map((link) => (
              <LinkItem link={link} />
            ))}
          </ul>
        ) : null,
    },
    { id: 'leitsaetze-und-sdgs', title: 'Leitsätze und SDGs', content: taxonomy(c.taxonomy, names) },
  ];
  return candidates.filter((section) => section.content !== null);
}

const SimilarContributions: FC<{ items: Contribution[] }> = ({ items }) =>
  items.length === 0 ? null : (
    <aside class="similar" aria-labelledby="aehnliche-titel">
      <h2 id="aehnliche-titel">Ähnliche Beiträge</h2>
      <ul class="link-list">
        {items.map((item) => (
          <li>
            <a href={`/beitraege/${encodeURIComponent(item.slug)}`}>{item.title}</a> <span class="meta">{`(${kindLabels[item.kind]})`}</span>
          </li>
        ))}
      </ul>
    </aside>
  );

export const DetailPage: FC<{ contribution: Contribution; names: TaxonomyNames; similar?: Contribution[] }> = ({ contribution, names, similar = [] }) => {
  const sections = detailSections(contribution, names);
  const { status } = contribution;
  // An imported teaser is often the description's first sentence; show it once.
  const showLead = hasText(contribution.teaser) && !(contribution.description ?? '').trimStart().startsWith(contribution.teaser.trim());
  return (
    <>
    <article>
      <p class="back-link">
        <a href="/">Zur Übersicht aller Beiträge</a>
      </p>
      <h1>{contribution.title}</h1>
      <p class="meta">
        <span class="badge">{kindLabels[contribution.kind]}</span>
        {status !== 'unknown' ? ` · ${statusLabels[status]}` : ''}
      </p>
      {showLead ? (
        <div class="lead">
          <Paragraphs text={contribution.teaser ?? ''} />
        </div>
      ) : null}
      {sections.length > 1 ? (
        <nav class="toc" aria-label="Inhalt dieses Beitrags">
          <h2>Auf dieser Seite</h2>
          <ul>
            {sections.map((section) => (
              <li>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {sections.map((section) => (
        <section id={section.id} aria-labelledby={`${section.id}-titel`}>
          <h2 id={`${section.id}-titel`}>{section.title}</h2>
          {section.content}
        </section>
      ))}
    </article>
    <SimilarContributions items={similar} />
    </>
  );
};

/** "Leitsatz 17: Wir schützen das Klima" – numbered taxonomy entries with their current names. */
const NumberedNames: FC<{ heading: string; prefix: string; numbers: number[]; names: Map<number, string> }> = ({ heading, prefix, numbers, names }) =>
  numbers.length === 0 ? null : (
    <>
      <h3>{heading}</h3>
      <ul>
        {numbers.map((n) => {
          const name = names.get(n);
          return <li>{name ? `${prefix} ${n}: ${name}` : `${prefix} ${n}`}</li>;
        })}
      </ul>
    </>
  );
