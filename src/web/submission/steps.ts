import { contributionKinds, fundingKindLabels, fundingSourceKinds, kindLabels } from '../../domain/contribution.ts';
import { SubmissionSchema } from '../../domain/submission.ts';
import { leitbildAreas, leitsaetze, regions, sdgs } from '../../domain/taxonomy.ts';
import type { FormItem, Option, OptionGroup } from '../forms/definition.ts';
import { fieldPathOf } from '../forms/mapping.ts';

/*
 * The public questionnaire as data: steps of fields whose names are paths of SubmissionSchema
 * (src/domain/submission.ts = ContributionContentSchema + submitter + consent). Only labels and
 * hints are written here; every rule comes from the schema.
 */

export const submissionSchema = SubmissionSchema;

export interface SubmissionStep {
  /** Part of the URL: /einreichen/entwurf/<token>/<id>. */
  id: string;
  title: string;
  intro?: string;
  items: readonly FormItem[];
  /** This step offers the document upload that pre-fills the form. */
  upload?: boolean;
}

/** The four questions of the questionnaire (data/demo/frageformular-vag.txt), word for word. */
export const questionnaireQuestions = {
  decision:
    'Bitte erläutern Sie kurz, wie die Entscheidung zur Umsetzung für dieses Projekt in Ihrer Kommune gefallen ist. Handelte es sich dabei um eine Idee z. B. aus der Fachverwaltung / Zivilgesellschaft?',
  support:
    'Wer oder was hatte Ihnen bei der Umsetzung geholfen (evtl. Materialien / Akteure, auf die Sie verweisen können)? Hatten Sie Unterstützung in- und /oder außerhalb Ihrer Kommune?',
  challenges:
    'Gab es bei der Umsetzung bestimmte Herausforderungen? Was war ggf. neu für Sie? Welche anderen Beispiele, Erfahrungen oder Tipps können Sie Kommunen bei der Umsetzung mit auf den Weg geben?',
  prerequisites:
    'Gibt es Voraussetzungen, die eine Kommune für die Umsetzung dieses Projektes erfüllen sollte bzw. für welche Kommunen ist das Projekt aus Ihrer Sicht geeignet?',
} as const;

const regionOptions: Array<Option | OptionGroup> = [
  ...regions.filter((r) => r.type === 'land').map((r) => ({ value: r.id, label: `${r.name} (landesweit)` })),
  ...regions
    .filter((r) => r.type === 'regierungsbezirk')
    .map((rb) => ({
      label: rb.name,
      options: [{ value: rb.id, label: `${rb.name} (ganz)` }, ...regions.filter((r) => r.parent === rb.id).map((r) => ({ value: r.id, label: r.name }))],
    })),
];

const dateHint = 'Tag, Monat oder Jahr, z. B. 01.10.2021, 10.2021 oder 2021.';

export const submissionSteps: readonly SubmissionStep[] = [
  {
    id: 'ueber-sie',
    title: 'Über Sie',
    intro:
      'Damit die Redaktion Rückfragen stellen und Ihnen den Eingang bestätigen kann. Ihr Name und Ihre E-Mail-Adresse werden nicht veröffentlicht.',
    items: [
      { kind: 'text', name: 'submitter.name', label: 'Ihr Name', autocomplete: 'name' },
      {
        kind: 'email',
        name: 'submitter.email',
        label: 'Ihre E-Mail-Adresse',
        hint: 'Hierhin schicken wir die Eingangsbestätigung mit Ihrer Vorgangsnummer.',
        autocomplete: 'email',
      },
    ],
  },
  {
    id: 'projekt',
    title: 'Das Projekt',
    intro: 'Beschreiben Sie Ihr Projekt so, dass andere Kommunen schnell verstehen, worum es geht.',
    upload: true,
    items: [
      { kind: 'select', name: 'kind', label: 'Art des Beitrags', options: contributionKinds.map((kind) => ({ value: kind, label: kindLabels[kind] })) },
      { kind: 'text', name: 'title', label: 'Titel', hint: 'Ein kurzer, aussagekräftiger Name, z. B. „Repair-Café im Stadtteilzentrum“.' },
      { kind: 'textarea', name: 'teaser', label: 'Kurzbeschreibung', hint: 'Ein bis zwei Sätze; sie erscheinen in Suchergebnissen und Übersichten.', rows: 3 },
      { kind: 'textarea', name: 'description', label: 'Beschreibung', hint: 'Was wird gemacht, wie läuft es ab? Absätze trennen Sie mit einer Leerzeile.', rows: 8 },
      { kind: 'textarea', name: 'purpose', label: 'Ziel und Hintergrund', hint: 'Warum gibt es das Projekt, welche Aufgabe löst es?', rows: 5 },
      {
        kind: 'group',
        name: 'components',
        legend: 'Bausteine des Projekts (freiwillig)',
        hint: 'Hat das Projekt mehrere Teile, z. B. Veranstaltungen, Beratung und eine Handreichung, beschreiben Sie sie hier einzeln.',
        itemLabel: 'Baustein',
        addLabel: 'Weiteren Baustein hinzufügen',
        fields: [
          { kind: 'text', name: 'title', label: 'Titel des Bausteins' },
          { kind: 'textarea', name: 'text', label: 'Beschreibung des Bausteins', rows: 3 },
        ],
      },
    ],
  },
  {
    id: 'fragen',
    title: 'Fragen zur Umsetzung',
    intro: 'Die vier Fragen des Frageformulars. Ihre Erfahrungen helfen anderen Kommunen am meisten; jede Antwort ist freiwillig.',
    items: [
      { kind: 'textarea', name: 'answers.decision', label: '1. Entscheidung und Idee', hint: questionnaireQuestions.decision, rows: 6 },
      { kind: 'textarea', name: 'answers.support', label: '2. Unterstützung', hint: questionnaireQuestions.support, rows: 6 },
      { kind: 'textarea', name: 'answers.challenges', label: '3. Herausforderungen und Tipps', hint: questionnaireQuestions.challenges, rows: 6 },
      { kind: 'textarea', name: 'answers.prerequisites', label: '4. Voraussetzungen', hint: questionnaireQuestions.prerequisites, rows: 6 },
    ],
  },
  {
    id: 'beteiligte',
    title: 'Träger und Beteiligte',
    items: [
      {
        kind: 'section',
        legend: 'Träger',
        hint: 'Die Kommune oder Organisation, die das Projekt verantwortet. Wenn Sie einen Träger angeben, braucht er einen Namen.',
        items: [
          { kind: 'text', name: 'sponsor.name', label: 'Name des Trägers', autocomplete: 'organization' },
          { kind: 'text', name: 'sponsor.street', label: 'Straße und Hausnummer' },
          { kind: 'text', name: 'sponsor.postcode', label: 'Postleitzahl', width: 'narrow', hint: 'Fünf Ziffern, z. B. 35578.' },
          { kind: 'text', name: 'sponsor.city', label: 'Ort' },
          { kind: 'url', name: 'sponsor.website', label: 'Website', hint: 'Mit https://, z. B. https://www.beispiel.de' },
        ],
      },
      {
        kind: 'group',
        name: 'contacts',
        legend: 'Ansprechpartner*innen',
        hint: 'Wer kann anderen Kommunen Auskunft geben? Kontaktdaten werden nur veröffentlicht, wenn die Person ausdrücklich zugestimmt hat.',
        itemLabel: 'Ansprechperson',
        addLabel: 'Weitere Ansprechperson hinzufügen',
        fields: [
          { kind: 'text', name: 'name', label: 'Name' },
          { kind: 'text', name: 'role', label: 'Funktion', hint: 'z. B. Klimaschutzmanagerin, Projektleitung' },
          { kind: 'tel', name: 'phone', label: 'Telefonnummer', hint: 'z. B. 06441 9277607' },
          { kind: 'email', name: 'email', label: 'E-Mail-Adresse' },
          {
            kind: 'checkbox',
            name: 'publishConsent',
            label: 'Diese Person ist damit einverstanden, dass Name, Funktion, Telefonnummer und E-Mail-Adresse öffentlich im Nachhaltigkeitsbaukasten stehen.',
            hint: 'Einwilligung nach Art. 6 Abs. 1 Buchst. a DSGVO, jederzeit widerrufbar. Ohne Einwilligung sieht nur die Redaktion diese Kontaktdaten.',
          },
        ],
      },
      {
        kind: 'group',
        name: 'partners',
        legend: 'Partnerorganisationen (freiwillig)',
        itemLabel: 'Partnerorganisation',
        addLabel: 'Weitere Partnerorganisation hinzufügen',
        fields: [
          { kind: 'text', name: 'name', label: 'Name' },
          { kind: 'text', name: 'role', label: 'Rolle im Projekt', hint: 'z. B. Kooperationspartner, Förderung' },
          { kind: 'url', name: 'website', label: 'Website' },
        ],
      },
    ],
  },
  {
    id: 'ort-und-laufzeit',
    title: 'Ort und Laufzeit',
    items: [
      {
        kind: 'group',
        name: 'places',
        legend: 'Orte',
        hint: 'Wo wird das Projekt umgesetzt? Für eine Stadt oder Gemeinde wählen Sie den Landkreis, in dem sie liegt, und nennen den Ort in der Bezeichnung.',
        itemLabel: 'Ort',
        addLabel: 'Weiteren Ort hinzufügen',
        fields: [
          { kind: 'select', name: 'regionId', label: 'Region', emptyLabel: 'Keine Region aus der Liste', options: regionOptions },
          { kind: 'text', name: 'label', label: 'Bezeichnung', hint: 'z. B. „Lahn-Dill-Kreis“, „Wetzlar“ oder „18 hessische Landkreise“' },
          { kind: 'checkbox', name: 'focus', label: 'Schwerpunkt- oder Modellregion' },
        ],
      },
      {
        kind: 'section',
        legend: 'Laufzeit',
        items: [
          { kind: 'date', name: 'period.start', label: 'Beginn', hint: dateHint, width: 'medium' },
          { kind: 'date', name: 'period.end', label: 'Ende', hint: `${dateHint} Leer lassen, wenn das Projekt dauerhaft läuft.`, width: 'medium' },
          { kind: 'text', name: 'period.text', label: 'Laufzeit in Worten', hint: 'Freiwillig, z. B. „seit Sommer 2019“ oder „jedes Jahr im Mai“.' },
        ],
      },
      {
        kind: 'section',
        legend: 'Mitmachen',
        items: [
          {
            kind: 'select',
            name: 'participation.status',
            label: 'Können weitere Kommunen mitmachen?',
            options: [
              { value: 'unknown', label: 'Keine Angabe' },
              { value: 'open', label: 'Ja' },
              { value: 'closed', label: 'Nein' },
            ],
          },
          { kind: 'textarea', name: 'participation.text', label: 'Erläuterung', hint: 'z. B. wie man mitmachen kann oder warum es nicht geht.', rows: 3 },
        ],
      },
    ],
  },
  {
    id: 'weitere-angaben',
    title: 'Finanzierung und weitere Angaben',
    intro: 'Alle Angaben auf dieser Seite sind freiwillig.',
    items: [
      {
        kind: 'section',
        legend: 'Finanzierung',
        items: [
          {
            kind: 'group',
            name: 'funding.sources',
            legend: 'Geldgeber und Förderprogramme',
            itemLabel: 'Finanzierungsquelle',
            addLabel: 'Weitere Finanzierungsquelle hinzufügen',
            fields: [
              { kind: 'text', name: 'name', label: 'Name des Förderprogramms oder Geldgebers' },
              {
                kind: 'select',
                name: 'kind',
                label: 'Art',
                emptyLabel: 'Bitte wählen',
                options: fundingSourceKinds.map((kind) => ({ value: kind, label: fundingKindLabels[kind] })),
              },
              { kind: 'money', name: 'amountCents', label: 'Betrag in Euro', hint: 'z. B. 12.500,50', width: 'medium' },
            ],
          },
          { kind: 'money', name: 'funding.totalCents', label: 'Gesamtkosten in Euro', width: 'medium' },
          { kind: 'money', name: 'funding.grantCents', label: 'Davon Fördermittel in Euro', width: 'medium' },
          { kind: 'money', name: 'funding.ownCents', label: 'Davon Eigenmittel in Euro', width: 'medium' },
          { kind: 'textarea', name: 'funding.text', label: 'Weitere Angaben zur Finanzierung', rows: 3 },
        ],
      },
      { kind: 'lines', name: 'targetGroups', label: 'Zielgruppen', hint: 'Eine Zielgruppe pro Zeile, z. B. „Senior*innen“ oder „Kitas“.', rows: 4 },
      {
        kind: 'group',
        name: 'legalReferences',
        legend: 'Rechtsgrundlagen',
        itemLabel: 'Rechtsgrundlage',
        addLabel: 'Weitere Rechtsgrundlage hinzufügen',
        fields: [
          { kind: 'text', name: 'label', label: 'Rechtsgrundlage', hint: 'z. B. § 61 SGB IX' },
          { kind: 'text', name: 'law', label: 'Gesetz (Abkürzung)', hint: 'z. B. SGB IX', width: 'medium' },
          { kind: 'text', name: 'section', label: 'Paragraf', hint: 'z. B. 61 Abs. 2', width: 'medium' },
        ],
      },
      {
        kind: 'group',
        name: 'links',
        legend: 'Links',
        hint: 'Projektseite, Berichte, Materialien zum Herunterladen.',
        itemLabel: 'Link',
        addLabel: 'Weiteren Link hinzufügen',
        fields: [
          { kind: 'url', name: 'url', label: 'Adresse', hint: 'Mit https://' },
          { kind: 'text', name: 'label', label: 'Linktext', hint: 'Worauf der Link führt, z. B. „Projektseite“' },
        ],
      },
    ],
  },
  {
    id: 'einordnung',
    title: 'Einordnung',
    intro:
      'Freiwillig: Wie passt das Projekt zur Hessischen Nachhaltigkeitsstrategie? Wenn Sie unsicher sind, lassen Sie die Felder leer – die Redaktion ordnet den Beitrag ein.',
    items: [
      {
        kind: 'select',
        name: 'taxonomy.leitbildArea',
        label: 'Bereich des Leitbilds',
        emptyLabel: 'Keine Angabe',
        options: leitbildAreas.map((area) => ({ value: area.id, label: area.name })),
      },
      {
        kind: 'checkboxes',
        name: 'taxonomy.leitsaetze',
        label: 'Leitsätze',
        numeric: true,
        options: leitsaetze.map((l) => ({ value: String(l.number), label: `${l.number}: ${l.title}` })),
      },
      {
        kind: 'checkboxes',
        name: 'taxonomy.sdgs',
        label: 'Ziele für nachhaltige Entwicklung (SDGs)',
        numeric: true,
        options: sdgs.map((s) => ({ value: String(s.number), label: `SDG ${s.number}: ${s.title}` })),
      },
    ],
  },
];

/** The last step: everything at a glance, consent, and the submit button. */
export const reviewStep: SubmissionStep = {
  id: 'pruefen',
  title: 'Prüfen und absenden',
  items: [
    {
      kind: 'checkbox',
      name: 'privacyConsent',
      label: 'Ich bin damit einverstanden, dass die Redaktion meine Angaben zur Prüfung und Veröffentlichung des Beitrags verarbeitet.',
      hint: 'Ihr Name und Ihre E-Mail-Adresse werden nicht veröffentlicht. Einzelheiten in der Datenschutzerklärung.',
    },
  ],
};

export const allSteps: readonly SubmissionStep[] = [...submissionSteps, reviewStep];

/** The items of all steps: what the whole submission is validated against. */
export const allItems: readonly FormItem[] = allSteps.flatMap((step) => step.items);

export function findStep(id: string): SubmissionStep | undefined {
  return allSteps.find((step) => step.id === id);
}

/** The step whose fields hold this path (for error links from the review page). */
export function stepOfPath(path: string): SubmissionStep | undefined {
  return allSteps.find((step) => fieldPathOf(step.items, path) !== null);
}
