import type { ContributionContent } from '../../src/domain/contribution.ts';

/*
 * Generated contributions (bench/generate-corpus.ts) written out as the two text formats people
 * send in: the project fact sheet (Projektsteckbrief, labelled fields) and the questionnaire
 * (Frageformular, four fixed questions). Used by the import benchmark; even documents become fact
 * sheets, odd ones questionnaires.
 */

const questions = [
  '1. Bitte erläutern Sie kurz, wie die Entscheidung zur Umsetzung für dieses Projekt in Ihrer Kommune gefallen ist. Handelte es sich dabei um eine Idee z. B. aus der Fachverwaltung / Zivilgesellschaft?',
  '2. Wer oder was hatte Ihnen bei der Umsetzung geholfen (evtl. Materialien / Akteure, auf die Sie verweisen können)? Hatten Sie Unterstützung in- und /oder außerhalb Ihrer Kommune?',
  '3. Gab es bei der Umsetzung bestimmte Herausforderungen? Was war ggf. neu für Sie? Welche anderen Beispiele, Erfahrungen oder Tipps können Sie Kommunen bei der Umsetzung mit auf den Weg geben?',
  '4. Gibt es Voraussetzungen, die eine Kommune für die Umsetzung dieses Projektes erfüllen sollte bzw. für welche Kommunen ist das Projekt aus Ihrer Sicht geeignet?',
];

const germanDate = (iso: string | null | undefined, end: boolean): string | null => {
  if (!iso) return null;
  const [y, m, d] = iso.split('-');
  if (d) return `${d}.${m}.${y}`;
  if (m) return `${end ? '28' : '01'}.${m}.${y}`;
  return `${end ? '31.12' : '01.01'}.${y}`;
};

export function renderFactSheet(c: ContributionContent): string {
  const lines = ['Projektsteckbrief', '', `**„${c.title}“**`, ''];
  if (c.purpose) lines.push(`**Projektzweck:** ${c.purpose}`, '');
  if (c.sponsor) {
    lines.push('**Projektträger:**', '', `Name: ${c.sponsor.name}`, '');
    if (c.sponsor.street || c.sponsor.city) lines.push(`Anschrift: ${c.sponsor.street ?? ''}  `, `${c.sponsor.postcode ?? ''} ${c.sponsor.city ?? ''}`.trim(), '');
    const contact = c.contacts[0];
    if (contact) {
      lines.push(`Ansprechpartner: ${contact.name}`, '');
      if (contact.phone) lines.push(`Telefon: ${contact.phone}`, '');
      if (contact.email) lines.push(`E-Mail: ${contact.email}`, '');
    }
  }
  const place = c.places[0]?.label;
  if (place) lines.push(`**Durchführungsort:** ${place}`, '');
  const start = germanDate(c.period.start, false);
  const end = germanDate(c.period.end, true);
  if (start && end) lines.push(`**Projektlaufzeit:** vom ${start} bis ${end}`, '');
  else if (start) lines.push(`**Projektlaufzeit:** seit ${start}`, '');
  lines.push(`**Kurzbeschreibung des Projekts:** ${c.description}`, '');
  for (const component of c.components) lines.push(`**${component.title}:** ${component.text ?? ''}`.trim(), '');
  return `${lines.join('\n')}\n`;
}

export function renderQuestionnaire(c: ContributionContent): string {
  const lines = ['Frageformular Nachhaltigkeitsbaukasten', '', `Projekt: ${c.title}`, ''];
  if (c.sponsor) lines.push(`Träger: ${c.sponsor.name}`, '');
  const answers = [
    c.answers.decision ?? c.description,
    c.answers.support ?? (c.partners.length ? `Unterstützt haben uns ${c.partners.map((p) => p.name).join(', ')}.` : 'Wir hatten keine Unterstützung von außen.'),
    c.answers.challenges ?? c.purpose ?? 'Keine besonderen Herausforderungen.',
    c.answers.prerequisites ?? 'Das Projekt ist für alle Kommunen geeignet.',
  ];
  questions.forEach((question, i) => lines.push(question, '', answers[i]!, ''));
  return `${lines.join('\n')}\n`;
}

/** Document i of the corpus as the bytes of a text file, with a file name. */
export function renderDocument(c: ContributionContent, index: number): { name: string; text: string } {
  const kind = index % 2 === 0 ? 'steckbrief' : 'frageformular';
  return { name: `${String(index).padStart(6, '0')}-${kind}.txt`, text: index % 2 === 0 ? renderFactSheet(c) : renderQuestionnaire(c) };
}
