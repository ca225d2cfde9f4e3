// Fixture contributions modelled on the two seed documents (project fact sheet "BfA",
// questionnaire "VAG") plus one with a consenting contact person, and an in-memory CatalogReader.
import { ContributionSchema, withDerivedStatus, type Contribution } from '../../src/domain/contribution.ts';
import { leitbildAreas, leitsaetze, regions, sdgs, type TaxonomyNames } from '../../src/domain/taxonomy.ts';
import type { CatalogReader } from '../../src/web/ports.ts';

const timestamps = {
  createdAt: '2024-03-01T09:00:00.000Z',
  updatedAt: '2024-03-02T09:00:00.000Z',
  publishedAt: '2024-03-02T09:00:00.000Z',
  reviewedAt: '2024-03-02T08:30:00.000Z',
};

/** Deterministic UUID (version 4 layout) so fixtures stay stable between runs. */
export function fixtureId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A published contribution validated by the canonical schema, status derived as storage does; overrides replace top-level fields. */
export function makeContribution(fields: Record<string, unknown>): Contribution {
  return withDerivedStatus(ContributionSchema.parse({
    id: fixtureId(999),
    state: 'published',
    version: 1,
    status: 'unknown',
    provenance: null,
    ...timestamps,
    ...fields,
  }));
}

/** Like the fact sheet "Bewerbung des Budgets für Arbeit": sponsor with address, contact without consent. */
export const bfaFactsheet: Contribution = makeContribution({
  id: fixtureId(1),
  slug: 'bewerbung-des-budgets-fuer-arbeit-bfa-nach-61-sgb-ix',
  kind: 'projekt',
  title: 'Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX',
  teaser: 'Das Projekt macht das Budget für Arbeit in Hessen bekannter und ermittelt, was den Übergang aus Werkstätten in den allgemeinen Arbeitsmarkt fördert oder hemmt.',
  description:
    'Ausgehend vom Vermittlungsauftrag von WfbM sollen **Gelingensfaktoren und Hemmnisse** zur Inanspruchnahme von Budgets für Arbeit ermittelt werden.\n\n' +
    'Das Projekt hat dazu vier Bestandteile, welche gleichzeitig das Budget für Arbeit in Hessen bekannter machen sollen.',
  purpose:
    'Das seit 2018 bestehende Budget für Arbeit ermöglicht neue Wege des Übergangs in den allgemeinen Arbeitsmarkt und echte Alternativen zu einer Beschäftigung in Werkstätten für behinderte Menschen.\n\n' +
    'Aus dem gesetzlichen Auftrag der Werkstätten für Menschen mit Behinderungen (WfbM) heraus, haben diese bereits einen Vermittlungsauftrag für ihre Beschäftigten in den allgemeinen Arbeitsmarkt.',
  components: [
    {
      title: 'Landesweite Informations- und Bewerbungsveranstaltungen',
      text: 'Veranstaltungen der LAG WfbM und von Netzwerkpartnern, mit Schwerpunkt auf Handwerkskammern und kleinen und mittelständischen Unternehmen.',
    },
    {
      title: 'Rahmenbedingungen in zwei Modellregionen',
      text: 'Über strukturierte Interviews nach Leitfaden werden in den Modellregionen Lahn-Dill und Main-Kinzig Gelingens- und Hinderungsfaktoren eruiert.',
    },
    { title: 'Hessenweite Handlungsempfehlungen BfA', text: 'Aus den Erfahrungen in den Modellregionen entstehen Handlungsempfehlungen für ganz Hessen.' },
    { title: 'Bundesländerübergreifender Vergleich der Umsetzung', text: 'Erfolgreiche Umsetzungspraktiken anderer Bundesländer (z. B. BW, HH) werden auf ihre Anwendbarkeit in Hessen geprüft.' },
  ],
  sponsor: { name: 'LAG WfbM Hessen e.V.', street: 'Friedenstraße 26', postcode: '35578', city: 'Wetzlar', website: null },
  contacts: [{ name: 'Jörg Heyer', role: 'Projektleitung', phone: '+49 6441 9277607', email: 'j.heyer@lag-werkstaetten.de', publishConsent: false }],
  places: [
    { regionId: 'hessen', label: 'Hessen', focus: false },
    { regionId: 'lk-lahn-dill', label: 'Lahn-Dill-Kreis', focus: true },
    { regionId: 'lk-main-kinzig', label: 'Main-Kinzig-Kreis', focus: true },
  ],
  period: { start: '2021-10-01', end: '2023-09-30', text: 'vom 01.10.2021 bis 30.09.2023' },
  legalReferences: [{ label: '§ 61 SGB IX', law: 'SGB IX', section: '61' }],
  targetGroups: ['Beschäftigte in Werkstätten für behinderte Menschen', 'Handwerkskammern und kleine und mittelständische Unternehmen'],
  taxonomy: { leitbildArea: 'soziales', leitsaetze: [4], sdgs: [8, 10], kommunenFocus: false },
  provenance: { format: 'factsheet', sourceFile: 'projektsteckbrief-bfa.txt', contentHash: null, importedAt: '2024-03-01T09:00:00.000Z' },
});

/** Like the questionnaire "VAG": the four answers in Markdown, a placeholder link, closed participation. */
export const vagQuestionnaire: Contribution = makeContribution({
  id: fixtureId(2),
  slug: 'verzahnung-von-arbeits-und-gesundheitsfoerderung-in-der-kommunalen-lebenswelt',
  kind: 'projekt',
  title: 'Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt',
  answers: {
    decision:
      'Das Modellprojekt *Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt* wird in 18 hessischen Landkreisen individuell umgesetzt. ' +
      'Die Umsetzung findet in Sozialräumen statt, die gemeinsam mit Mitarbeitenden des Jobcenters und Referent*innen nach Bedarfen gewählt wurden.',
    support:
      'Seit Sommer 2019 ist die Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V. (HAGE) mit der Federführung des Projekts an 12 hessischen Standorten beauftragt. ' +
      'Die Förderung erfolgt aus Mitteln der gesetzlichen Krankenkassen im Rahmen des GKV-Bündnisses für Gesundheit.\n\n' +
      'Die Umsetzung des Projektes erfolgt unter den Rahmenbedingungen des Leitfadens für Prävention ([Leitfaden Prävention - GKV-Spitzenverband](#)).',
    challenges:
      'Als Herausforderung stellt sich die Erreichbarkeit der Zielgruppe heraus. Besonders während der Corona-Pandemie gestaltet sich das schwierig.\n\n' +
      'Weitere Einblicke und Ideen finden Sie hier: <https://hage.de/aktivitaeten/verzahnung-von-arbeits-und-gesundheitsfoerderung-in-der-kommunalen-lebenswelt-vag/news-vag/>',
    prerequisites: 'Aktuell können keine weiteren Landkreise an dem Projekt teilnehmen.',
  },
  sponsor: { name: 'Hessische Arbeitsgemeinschaft für Gesundheitsförderung e. V. (HAGE)', street: null, postcode: null, city: 'Frankfurt am Main', website: 'https://hage.de/' },
  partners: [
    { name: 'Jobcenter der beteiligten Landkreise', role: 'Kooperationspartner', website: null },
    { name: 'GKV-Bündnis für Gesundheit', role: 'Förderung', website: 'https://www.gkv-buendnis.de/' },
  ],
  places: [{ regionId: 'hessen', label: '18 hessischen Landkreisen', focus: false }],
  period: { start: '2019', end: null, text: 'Seit Sommer 2019' },
  participation: { status: 'closed', text: 'Aktuell können keine weiteren Landkreise an dem Projekt teilnehmen.' },
  funding: { sources: [{ name: 'GKV-Bündnis für Gesundheit', kind: 'krankenkassen', amountCents: null }] },
  targetGroups: ['Arbeitslose Menschen', 'Mitarbeitende der Jobcenter'],
  links: [
    { url: 'https://hage.de/aktivitaeten/verzahnung-von-arbeits-und-gesundheitsfoerderung-in-der-kommunalen-lebenswelt-vag/', label: 'Projektseite der HAGE' },
    { url: null, label: 'Leitfaden Prävention - GKV-Spitzenverband', placeholder: true },
  ],
  taxonomy: { leitbildArea: 'soziales', leitsaetze: [6], sdgs: [3, 8], kommunenFocus: true },
  provenance: { format: 'questionnaire', sourceFile: 'frageformular-vag.txt', contentHash: null, importedAt: '2024-03-01T09:05:00.000Z' },
});

/** A small municipal project whose contact person agreed to publication; carries funding amounts. */
export const repairCafe: Contribution = makeContribution({
  id: fixtureId(3),
  slug: 'repair-cafe-im-stadtteilzentrum',
  kind: 'projekt',
  title: 'Repair-Café im Stadtteilzentrum',
  teaser: 'Ehrenamtliche reparieren einmal im Monat gemeinsam mit Bürger*innen Elektrogeräte, Kleidung und Fahrräder.',
  description: 'Im Repair-Café werden defekte Dinge *gemeinsam* repariert statt weggeworfen. Das spart Abfall und bringt Menschen im Stadtteil zusammen.',
  answers: {
    decision: 'Die Idee kam aus der Zivilgesellschaft; die Stadtverordnetenversammlung hat die Räume im Stadtteilzentrum bereitgestellt.',
    support: null,
    challenges: 'Haftungsfragen früh klären und eine Versicherung für die Ehrenamtlichen abschließen.',
    prerequisites: 'Geeignet für Kommunen jeder Größe mit einem Raum und einigen engagierten Ehrenamtlichen.',
  },
  sponsor: { name: 'Stadt Musterstadt, Umweltamt', street: 'Rathausplatz 1', postcode: '64283', city: 'Darmstadt', website: 'https://www.example.org/umweltamt' },
  contacts: [{ name: 'Erika Musterfrau', role: 'Klimaschutzmanagerin', phone: '+49 6151 123456', email: 'erika.musterfrau@example.org', publishConsent: true }],
  places: [{ regionId: 'st-darmstadt', label: 'Darmstadt', focus: false }],
  period: { start: '2022-03', end: null, text: null },
  participation: { status: 'open', text: 'Weitere Kommunen können sich für einen Erfahrungsaustausch melden.' },
  funding: {
    sources: [
      { name: 'Klimarichtlinie Hessen', kind: 'land', amountCents: 1_250_000 },
      { name: 'Haushalt der Stadt', kind: 'kommune', amountCents: 312_550 },
    ],
    totalCents: 1_562_550,
    text: 'Gefördert über die Klimarichtlinie des Landes Hessen.',
  },
  taxonomy: { leitbildArea: 'umwelt', leitsaetze: [], sdgs: [12], kommunenFocus: true },
});

export const fixtureContributions: Contribution[] = [bfaFactsheet, vagQuestionnaire, repairCafe];

/** Taxonomy names as the database would hold them after seeding from data/taxonomy. */
export function seededTaxonomyNames(): TaxonomyNames {
  return {
    leitbildAreas: new Map(leitbildAreas.map((a) => [a.id, a.name])),
    leitsaetze: new Map(leitsaetze.map((l) => [l.number, l.title])),
    sdgs: new Map(sdgs.map((s) => [s.number, s.title])),
    regions: new Map(regions.map((r) => [r.id, r.name])),
  };
}

/** In-memory CatalogReader: only published contributions are visible, as with the repository. */
export function createFakeCatalog(contributions: Contribution[] = fixtureContributions): CatalogReader {
  const published = contributions.filter((c) => c.state === 'published');
  return {
    listPublished: async ({ limit, offset }) => ({ items: published.slice(offset, offset + limit), total: published.length }),
    findPublishedBySlug: async (slug) => published.find((c) => c.slug === slug) ?? null,
    findPublishedById: async (id) => published.find((c) => c.id === id) ?? null,
    taxonomyNames: async () => seededTaxonomyNames(),
  };
}

/** n simple published contributions for pagination tests. */
export function manyContributions(n: number): Contribution[] {
  return Array.from({ length: n }, (_, i) =>
    makeContribution({
      id: fixtureId(1000 + i),
      slug: `beispiel-${i + 1}`,
      title: `Beispielprojekt Nummer ${i + 1}`,
      teaser: `Kurzer Anriss für Beispiel ${i + 1}.`,
    }),
  );
}
