import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ContributionContentSchema, type ContributionContent, type ContributionKind, type FundingSource } from '../src/domain/contribution.ts';
import { findRegion, leitsaetze } from '../src/domain/taxonomy.ts';

/*
 * Deterministic generator of realistic German contributions for the search benchmark (issue 3,
 * point 4): 1k / 10k / 100k documents whose term statistics resemble real text — a few very
 * common words (function words, "Kommune", "Projekt"), a middle layer of topic vocabulary, and a
 * long tail of rare words (compounds, places, organisations, people). Search cost depends on how
 * many documents a term occurs in, so uniform random words would make the benchmark meaningless.
 *
 * Document i depends only on (seed, i), so the 1k corpus is a prefix of the 10k corpus.
 *
 *   node --import tsx bench/generate-corpus.ts 1000 [seed] > /tmp/x.ndjson   # NDJSON on stdout
 *   node --import tsx bench/generate-corpus.ts --check [n]                    # self-check
 */

// ───────────────────────────── seeded randomness ─────────────────────────────

/** mulberry32: tiny, fast, good enough for test data; Math.random cannot be seeded. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes seed and document index into one 32-bit seed (so documents are independent). */
function docSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Cumulative Zipf weights per list, computed once: picking stays O(log n). */
const zipfTables = new WeakMap<readonly unknown[], Float64Array>();

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Earlier entries are more frequent (weight 1/rank): gives the skewed frequencies of real text. */
  zipf<T>(items: readonly T[]): T {
    let table = zipfTables.get(items);
    if (!table) {
      table = new Float64Array(items.length);
      let sum = 0;
      for (let i = 0; i < items.length; i++) table[i] = sum += 1 / (i + 1);
      zipfTables.set(items, table);
    }
    const target = this.next() * table[table.length - 1]!;
    let lo = 0;
    let hi = table.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  }
  /** k distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

// ───────────────────────────── building blocks ─────────────────────────────

type Area = 'soziales' | 'wirtschaft' | 'umwelt' | 'bildung-kultur';
/** An infinitive phrase split so it can be used with and without "zu": ['mehr Wohnraum', 'schaffen']. */
type Goal = readonly [object: string, verb: string];

interface Topic {
  area: Area;
  leitsaetze: number[];
  /** Compound modifiers with their linking element: "Gesundheits", "Streuobst". */
  stems: string[];
  /** Topic vocabulary (noun phrases), most common first. */
  words: string[];
  /** Verb phrases in 3rd person singular: "pflanzt neue Hochstämme". */
  acts: string[];
  goals: Goal[];
  groups: string[];
  titles: string[];
  laws?: Array<{ label: string; law: string; section: string }>;
}

const topics: Topic[] = [
  // Soziales
  { area: 'soziales', leitsaetze: [1, 4, 6], stems: ['Generationen', 'Nachbarschafts', 'Begegnungs', 'Senioren'], words: ['Nachbarschaftshilfe', 'Mittagstisch', 'Besuchsdienst', 'Erzählcafé', 'Generationendialog', 'Pflegestützpunkt'], acts: ['bringt Jung und Alt zusammen', 'organisiert einen offenen Mittagstisch', 'vermittelt Nachbarschaftshilfe im Alltag', 'baut einen ehrenamtlichen Besuchsdienst auf'], goals: [['Einsamkeit im Alter', 'verringern'], ['Begegnung zwischen den Generationen', 'fördern']], groups: ['Seniorinnen und Senioren', 'Familien', 'pflegende Angehörige'], titles: ['Mehrgenerationenhaus', 'Gemeinsam statt einsam', 'Nachbarn helfen Nachbarn'] },
  { area: 'soziales', leitsaetze: [2, 4], stems: ['Inklusions', 'Teilhabe', 'Arbeits', 'Werkstatt'], words: ['Budget für Arbeit', 'Werkstatt für behinderte Menschen', 'Arbeitsassistenz', 'Integrationsfachdienst', 'allgemeiner Arbeitsmarkt', 'Jobcoaching'], acts: ['begleitet Beschäftigte aus der Werkstatt in Betriebe', 'berät Arbeitgeber zum Budget für Arbeit', 'vermittelt Praktika auf dem allgemeinen Arbeitsmarkt'], goals: [['den Übergang aus der Werkstatt', 'erleichtern'], ['mehr inklusive Arbeitsplätze', 'schaffen']], groups: ['Menschen mit Behinderungen', 'Arbeitgeber', 'Werkstattbeschäftigte'], titles: ['Inklusive Arbeitsplätze', 'Vom Werkstattplatz in den Betrieb'], laws: [{ label: '§ 61 SGB IX', law: 'SGB IX', section: '61' }] },
  { area: 'soziales', leitsaetze: [6, 2], stems: ['Gesundheits', 'Präventions', 'Bewegungs'], words: ['Prävention', 'Gesundheitsförderung', 'Lebenswelt', 'Krankenkassen', 'Jobcenter', 'Stressbewältigung'], acts: ['bietet Kurse zu Bewegung und Ernährung an', 'verbindet Arbeits- und Gesundheitsförderung', 'stärkt die Gesundheit von Erwerbslosen'], goals: [['gesundheitliche Chancengleichheit', 'verbessern'], ['Prävention in der Lebenswelt Kommune', 'verankern']], groups: ['Erwerbslose', 'Langzeitarbeitslose', 'Alleinerziehende'], titles: ['Gesund im Quartier', 'Gesundheit für Arbeitsuchende'], laws: [{ label: '§ 20a SGB V', law: 'SGB V', section: '20a' }] },
  { area: 'soziales', leitsaetze: [1, 3, 20], stems: ['Quartiers', 'Stadtteil', 'Nachbarschafts'], words: ['Stadtteilbüro', 'Verfügungsfonds', 'Gemeinwesenarbeit', 'Stadtteilkonferenz', 'Sozialer Zusammenhalt'], acts: ['eröffnet ein Stadtteilbüro als Anlaufstelle', 'fördert kleine Vorhaben über einen Verfügungsfonds', 'beteiligt Bewohnerinnen und Bewohner an der Planung'], goals: [['den Zusammenhalt im Quartier', 'stärken'], ['das Wohnumfeld', 'verbessern']], groups: ['Bewohnerinnen und Bewohner', 'Familien mit Migrationsgeschichte', 'Vereine und Initiativen'], titles: ['Quartiersmanagement', 'Lebendiges Quartier'], laws: [{ label: '§ 171e BauGB', law: 'BauGB', section: '171e' }] },
  { area: 'soziales', leitsaetze: [20, 2], stems: ['Wohn', 'Wohnraum', 'Mieter'], words: ['Wohnungsbaugesellschaft', 'Belegungsbindung', 'Wohnungsgenossenschaft', 'Leerstand', 'Wohnungstausch'], acts: ['saniert leerstehende Gebäude im Ortskern', 'vermittelt Wohnungstausch zwischen Generationen', 'sichert Belegungsbindungen für geförderten Wohnraum'], goals: [['bezahlbaren Wohnraum', 'schaffen'], ['Leerstand im Ortskern', 'beseitigen']], groups: ['Haushalte mit geringem Einkommen', 'junge Familien', 'Studierende'], titles: ['Bezahlbar wohnen', 'Wohnen für Hilfe'] },
  { area: 'soziales', leitsaetze: [5, 2], stems: ['Gleichstellungs', 'Frauen', 'Familien'], words: ['Frauenbüro', 'Vereinbarkeit von Familie und Beruf', 'Mentoring', 'Gewaltschutz', 'Aktionsplan'], acts: ['begleitet Frauen in kommunalpolitische Ämter', 'erarbeitet einen Aktionsplan zur Gleichstellung', 'bietet flexible Kinderbetreuung für Beschäftigte'], goals: [['mehr Frauen für die Kommunalpolitik', 'gewinnen'], ['Familie und Beruf besser', 'vereinbaren']], groups: ['Frauen', 'Väter', 'Alleinerziehende'], titles: ['Mehr Frauen in die Parlamente', 'Familienfreundliche Verwaltung'] },
  { area: 'soziales', leitsaetze: [3, 1], stems: ['Integrations', 'Willkommens', 'Sprach', 'Vielfalts'], words: ['Sprachpatenschaft', 'Integrationslotsen', 'Interkulturelle Woche', 'Ausländerbeirat', 'Ankommen'], acts: ['vermittelt Sprachpatenschaften', 'schult ehrenamtliche Integrationslotsen', 'organisiert die Interkulturelle Woche'], goals: [['Neuzugewanderten das Ankommen', 'erleichtern'], ['Vielfalt sichtbar', 'machen']], groups: ['Geflüchtete', 'Zugewanderte', 'Ehrenamtliche'], titles: ['Willkommen in der Kommune', 'Sprachpaten'] },
  { area: 'soziales', leitsaetze: [1, 19], stems: ['Bürgerbus', 'Mitfahr', 'Fahrdienst'], words: ['Bürgerbus', 'Mitfahrbank', 'Rufbus', 'Ortsteile', 'ÖPNV', 'Fahrerinnen und Fahrer'], acts: ['verbindet die Ortsteile mit einem Bürgerbus', 'stellt Mitfahrbänke an den Ortsausgängen auf', 'fährt ältere Menschen zum Einkauf und zum Arzt'], goals: [['Mobilität ohne eigenes Auto', 'sichern'], ['abgelegene Ortsteile', 'anbinden']], groups: ['ältere Menschen', 'Menschen ohne Auto', 'Jugendliche'], titles: ['Bürgerbus', 'Mobil auf dem Land'], laws: [{ label: '§ 2 PBefG', law: 'PBefG', section: '2' }] },
  // Wirtschaft
  { area: 'wirtschaft', leitsaetze: [11, 18], stems: ['Energie', 'Effizienz', 'Betriebs'], words: ['Energieberatung', 'Energiekosten', 'Abwärme', 'Druckluft', 'Energieaudit', 'LED-Beleuchtung'], acts: ['berät kleine und mittlere Unternehmen zur Energieeffizienz', 'vermittelt geförderte Energieaudits', 'vernetzt Betriebe zur Nutzung von Abwärme'], goals: [['Energiekosten in Betrieben', 'senken'], ['den Energieverbrauch im Gewerbegebiet', 'halbieren']], groups: ['kleine und mittlere Unternehmen', 'Handwerksbetriebe'], titles: ['Energieeffizienz im Mittelstand', 'Energiesparen im Betrieb'] },
  { area: 'wirtschaft', leitsaetze: [7, 11], stems: ['Beschaffungs', 'Vergabe', 'Fairtrade'], words: ['Vergabestelle', 'faire Beschaffung', 'Recyclingpapier', 'Dienstkleidung', 'Kriterienkatalog', 'Fairtrade-Town'], acts: ['stellt die Beschaffung auf faire und ökologische Kriterien um', 'schult Vergabestellen zu Nachhaltigkeitskriterien'], goals: [['die öffentliche Beschaffung nachhaltig', 'gestalten'], ['Recyclingpapier in allen Ämtern', 'einführen']], groups: ['Verwaltungen', 'Vergabestellen'], titles: ['Nachhaltig beschaffen', 'Faire Kommune'], laws: [{ label: '§ 3 HVTG', law: 'HVTG', section: '3' }] },
  { area: 'wirtschaft', leitsaetze: [7, 14, 11], stems: ['Regional', 'Direktvermarktungs', 'Dorfladen'], words: ['Regionalmarke', 'Wochenmarkt', 'Hofladen', 'Dorfladen', 'Lieferkette', 'regionale Produkte'], acts: ['vermarktet Produkte aus der Region', 'betreibt einen genossenschaftlichen Dorfladen', 'bringt Erzeuger und Gastronomie zusammen'], goals: [['regionale Wertschöpfung', 'stärken'], ['die Nahversorgung im Dorf', 'sichern']], groups: ['Landwirtinnen und Landwirte', 'Verbraucherinnen und Verbraucher'], titles: ['Aus der Region für die Region', 'Dorfladen'] },
  { area: 'wirtschaft', leitsaetze: [18, 17], stems: ['Solar', 'Bürgerenergie', 'Wind', 'Photovoltaik'], words: ['Energiegenossenschaft', 'Photovoltaikanlage', 'Dachflächen', 'Solarkataster', 'Freiflächenanlage', 'Wärmenetz'], acts: ['baut Photovoltaikanlagen auf kommunalen Dächern', 'beteiligt Bürgerinnen und Bürger an Windenergie', 'plant ein Nahwärmenetz für den Ortskern'], goals: [['die Energiewende vor Ort', 'gestalten'], ['erneuerbare Energien', 'ausbauen']], groups: ['Bürgerinnen und Bürger', 'Hauseigentümer'], titles: ['Bürgerenergie', 'Sonnenstrom vom Rathausdach'] },
  { area: 'wirtschaft', leitsaetze: [19, 17], stems: ['Rad', 'Fahrrad', 'Radverkehrs', 'Lastenrad'], words: ['Radweg', 'Fahrradstraße', 'Abstellanlagen', 'Lastenrad', 'Radschnellweg', 'Mobilitätskonzept'], acts: ['schließt Lücken im Radwegenetz', 'verleiht Lastenräder kostenlos', 'richtet sichere Fahrradabstellanlagen ein'], goals: [['den Anteil des Radverkehrs', 'erhöhen'], ['sichere Schulwege', 'schaffen']], groups: ['Pendlerinnen und Pendler', 'Schülerinnen und Schüler'], titles: ['Fahrradfreundliche Kommune', 'Lastenrad teilen'] },
  { area: 'wirtschaft', leitsaetze: [7, 11], stems: ['Reparatur', 'Kreislauf', 'Tausch', 'Mehrweg'], words: ['Repair-Café', 'Tauschbörse', 'Secondhand', 'Abfallvermeidung', 'Mehrweg', 'Sperrmüll'], acts: ['repariert Geräte gemeinsam mit Ehrenamtlichen', 'führt ein Mehrwegsystem in der Gastronomie ein', 'organisiert Tauschmärkte'], goals: [['Abfälle', 'vermeiden'], ['die Lebensdauer von Produkten', 'verlängern']], groups: ['Bürgerinnen und Bürger', 'Gastronomiebetriebe'], titles: ['Reparieren statt wegwerfen', 'Mehrweg to go'] },
  { area: 'wirtschaft', leitsaetze: [11, 8], stems: ['Ausbildungs', 'Fachkräfte', 'Azubi'], words: ['Ausbildungsmesse', 'Praktikum', 'Berufsorientierung', 'Wirtschaftsförderung', 'Fachkräftemangel'], acts: ['vermittelt Praktika in regionalen Betrieben', 'organisiert eine Ausbildungsmesse', 'unterstützt Betriebe bei der Fachkräftesicherung'], goals: [['Fachkräfte in der Region', 'halten'], ['Jugendlichen den Berufseinstieg', 'erleichtern']], groups: ['Jugendliche', 'Betriebe'], titles: ['Ausbildung in der Region', 'Fachkräfte sichern'] },
  { area: 'wirtschaft', leitsaetze: [11, 13], stems: ['Tourismus', 'Wander', 'Naturerlebnis'], words: ['Wanderweg', 'Naturpark', 'Gastgeber', 'Übernachtungen', 'sanfter Tourismus'], acts: ['entwickelt Wanderangebote mit Gastgebern der Region', 'zertifiziert nachhaltige Tourismusbetriebe'], goals: [['naturverträglichen Tourismus', 'entwickeln']], groups: ['Gastgeber', 'Touristinnen und Touristen'], titles: ['Nachhaltiger Tourismus', 'Wandern ohne Auto'] },
  // Umwelt
  { area: 'umwelt', leitsaetze: [12, 13, 14], stems: ['Streuobst', 'Obstbaum', 'Apfel'], words: ['Streuobstwiese', 'Hochstamm', 'Obstbaumschnitt', 'Apfelsaft', 'Baumpatenschaft', 'Artenvielfalt'], acts: ['pflanzt neue Hochstämme', 'schult Ehrenamtliche im Obstbaumschnitt', 'vermarktet Saft von heimischen Streuobstwiesen'], goals: [['Streuobstwiesen', 'erhalten'], ['alte Obstsorten', 'bewahren']], groups: ['Obst- und Gartenbauvereine', 'Grundstückseigentümer'], titles: ['Streuobstwiesen erhalten', 'Obstbaumpaten'] },
  { area: 'umwelt', leitsaetze: [12], stems: ['Blüh', 'Insekten', 'Wildbienen'], words: ['Blühstreifen', 'Mahdkonzept', 'Wildbienen', 'Straßenbegleitgrün', 'heimische Wildpflanzen'], acts: ['legt Blühflächen auf kommunalen Grünflächen an', 'stellt die Grünpflege auf insektenfreundliche Mahd um'], goals: [['Lebensräume für Insekten', 'schaffen'], ['die Artenvielfalt', 'fördern']], groups: ['Bauhöfe', 'Naturschutzverbände'], titles: ['Insektenfreundliche Kommune', 'Blühende Wegränder'] },
  { area: 'umwelt', leitsaetze: [17], stems: ['Klima', 'Klimaschutz', 'Treibhausgas'], words: ['Klimaschutzmanagement', 'Treibhausgasbilanz', 'Klimaschutzkonzept', 'Klimaneutralität', 'Maßnahmenkatalog'], acts: ['erstellt ein integriertes Klimaschutzkonzept', 'setzt ein Klimaschutzmanagement ein', 'bilanziert die Treibhausgasemissionen'], goals: [['bis 2040 klimaneutral', 'werden'], ['Emissionen der Verwaltung', 'senken']], groups: ['Verwaltungen', 'Bürgerinnen und Bürger'], titles: ['Klimaschutzkonzept', 'Klimaneutrale Verwaltung'] },
  { area: 'umwelt', leitsaetze: [17, 16], stems: ['Starkregen', 'Hitze', 'Klimaanpassungs'], words: ['Hitzeaktionsplan', 'Starkregengefahrenkarte', 'Entsiegelung', 'Stadtbäume', 'Schwammstadt'], acts: ['erstellt eine Starkregengefahrenkarte', 'entsiegelt Schulhöfe und Plätze', 'richtet kühle Orte für heiße Tage ein'], goals: [['die Kommune an den Klimawandel', 'anpassen'], ['Schäden durch Starkregen', 'verringern']], groups: ['ältere Menschen', 'Grundstückseigentümer'], titles: ['Klimaanpassung', 'Hitzeschutz in der Stadt'] },
  { area: 'umwelt', leitsaetze: [16, 21], stems: ['Wasser', 'Grundwasser', 'Trinkwasser', 'Regenwasser'], words: ['Wasserschutzgebiet', 'Trinkwasserversorgung', 'Regenwassernutzung', 'Zisterne', 'Grundwasserneubildung'], acts: ['fördert Zisternen zur Regenwassernutzung', 'schützt das Grundwasser gemeinsam mit der Landwirtschaft'], goals: [['das Grundwasser', 'schützen'], ['Trinkwasser', 'sparen']], groups: ['Hauseigentümer', 'Landwirtinnen und Landwirte'], titles: ['Wasser sparen', 'Sauberes Grundwasser'] },
  { area: 'umwelt', leitsaetze: [13], stems: ['Wald', 'Forst', 'Baum'], words: ['Waldumbau', 'Mischwald', 'Borkenkäfer', 'Aufforstung', 'Stadtwald'], acts: ['baut den Stadtwald zu einem Mischwald um', 'pflanzt mit Schulklassen klimastabile Bäume'], goals: [['den Wald klimastabil', 'machen']], groups: ['Waldbesitzende', 'Schulklassen'], titles: ['Zukunftswald', 'Waldumbau'] },
  { area: 'umwelt', leitsaetze: [14, 15], stems: ['Boden', 'Humus', 'Acker'], words: ['Humusaufbau', 'Bodenschutz', 'Flächenverbrauch', 'ökologischer Landbau', 'Zwischenfrüchte'], acts: ['unterstützt Betriebe beim Humusaufbau', 'verpachtet kommunale Flächen nach ökologischen Kriterien'], goals: [['fruchtbare Böden', 'erhalten'], ['den Flächenverbrauch', 'begrenzen']], groups: ['Landwirtinnen und Landwirte'], titles: ['Gesunder Boden', 'Ökomodellregion'] },
  { area: 'umwelt', leitsaetze: [21, 16, 12], stems: ['Gewässer', 'Bach', 'Müll'], words: ['Renaturierung', 'Bachpatenschaft', 'Mikroplastik', 'Müllsammelaktion', 'Uferstreifen'], acts: ['renaturiert Bachläufe', 'organisiert Müllsammelaktionen an Gewässern'], goals: [['Gewässer in einen guten Zustand', 'bringen'], ['Plastikmüll', 'vermeiden']], groups: ['Schulklassen', 'Angelvereine'], titles: ['Lebendige Bäche', 'Sauberer Fluss'] },
  // Bildung/Kultur
  { area: 'bildung-kultur', leitsaetze: [8, 9], stems: ['Bildungs', 'Schul', 'Umweltbildungs'], words: ['Bildung für nachhaltige Entwicklung', 'Schulgarten', 'Projekttage', 'außerschulische Lernorte', 'Lehrkräfte'], acts: ['bietet Projekttage zu Bildung für nachhaltige Entwicklung an', 'vernetzt außerschulische Lernorte', 'legt Schulgärten an'], goals: [['Bildung für nachhaltige Entwicklung', 'verankern']], groups: ['Schülerinnen und Schüler', 'Lehrkräfte', 'Kitas'], titles: ['BNE in der Schule', 'Lernort Natur'] },
  { area: 'bildung-kultur', leitsaetze: [10, 8], stems: ['Digital', 'Medien', 'Online'], words: ['digitale Teilhabe', 'Smartphone-Sprechstunde', 'Medienkompetenz', 'Digitallotsen', 'Onlinedienste'], acts: ['bietet eine Smartphone-Sprechstunde für Ältere an', 'schult Digitallotsen', 'macht Verwaltungsleistungen online verfügbar'], goals: [['digitale Teilhabe', 'ermöglichen']], groups: ['ältere Menschen', 'Ehrenamtliche'], titles: ['Digital dabei', 'Digitale Kommune'] },
  { area: 'bildung-kultur', leitsaetze: [8, 9], stems: ['Bibliotheks', 'Lese', 'Lern'], words: ['Stadtbücherei', 'Bibliothek der Dinge', 'Lesepatenschaft', 'Makerspace', 'Volkshochschule'], acts: ['verleiht Werkzeuge und Geräte in einer Bibliothek der Dinge', 'vermittelt Lesepatenschaften', 'richtet einen Makerspace ein'], goals: [['lebenslanges Lernen', 'fördern']], groups: ['Kinder', 'Familien', 'Seniorinnen und Senioren'], titles: ['Bibliothek der Dinge', 'Lesen macht stark'] },
  { area: 'bildung-kultur', leitsaetze: [8, 3], stems: ['Kultur', 'Heimat', 'Museums'], words: ['Heimatmuseum', 'Kulturzentrum', 'Dorfgeschichte', 'Theaterprojekt', 'Kulturpass'], acts: ['macht die Dorfgeschichte digital erlebbar', 'öffnet das Heimatmuseum für Schulklassen', 'gibt einen Kulturpass aus'], goals: [['kulturelle Teilhabe', 'ermöglichen']], groups: ['Kinder und Jugendliche', 'Menschen mit geringem Einkommen'], titles: ['Kultur für alle', 'Dorfgeschichte erleben'] },
  { area: 'bildung-kultur', leitsaetze: [9, 1], stems: ['Jugend', 'Beteiligungs', 'Kinder'], words: ['Jugendparlament', 'Jugendforum', 'Kinderbeteiligung', 'Planungswerkstatt', 'Jugendbudget'], acts: ['gründet ein Jugendparlament', 'beteiligt Kinder an der Spielplatzplanung', 'vergibt ein eigenes Jugendbudget'], goals: [['Jugendliche an Entscheidungen', 'beteiligen']], groups: ['Jugendliche', 'Kinder'], titles: ['Jugend macht mit', 'Jugendbeteiligung'] },
  { area: 'bildung-kultur', leitsaetze: [22, 7], stems: ['Partnerschafts', 'Entwicklungs', 'Eine-Welt'], words: ['Städtepartnerschaft', 'Agenda 2030', 'Eine-Welt-Laden', 'kommunale Entwicklungspolitik', 'fairer Handel'], acts: ['pflegt eine Klimapartnerschaft mit einer Kommune im Globalen Süden', 'unterstützt den Eine-Welt-Laden'], goals: [['globale Verantwortung vor Ort', 'übernehmen']], groups: ['Eine-Welt-Gruppen', 'Schulen'], titles: ['Kommunale Partnerschaft', 'Global denken, lokal handeln'] },
  { area: 'bildung-kultur', leitsaetze: [9, 8], stems: ['Forscher', 'MINT', 'Wissenschafts'], words: ['Experimentierkasten', 'Forschertage', 'Kinderuni', 'Hochschule', 'Schülerlabor'], acts: ['lädt Kinder zu Forschertagen ein', 'bringt Hochschule und Schulen zusammen'], goals: [['Neugier auf Naturwissenschaften', 'wecken']], groups: ['Kinder', 'Schülerinnen und Schüler'], titles: ['Kleine Forscher', 'Kinderuni'] },
  { area: 'bildung-kultur', leitsaetze: [22, 9, 1], stems: ['Nachhaltigkeits', 'Agenda', 'Leitbild'], words: ['Nachhaltigkeitsbericht', 'Nachhaltigkeitsstrategie', 'Indikatoren', 'Lokale Agenda 21', 'Bürgerbeteiligung'], acts: ['erarbeitet eine kommunale Nachhaltigkeitsstrategie', 'veröffentlicht einen Nachhaltigkeitsbericht mit Indikatoren'], goals: [['Nachhaltigkeit in der Verwaltung', 'verankern']], groups: ['Verwaltungen', 'Politik'], titles: ['Nachhaltigkeitsstrategie', 'Agenda 2030 vor Ort'] },
];

/** Compound heads with grammatical gender, for "Streuobst" + "netzwerk" → "das Streuobstnetzwerk". */
type Gender = 'm' | 'f' | 'n';
const heads: ReadonlyArray<readonly [string, Gender]> = [
  ['projekt', 'n'], ['netzwerk', 'n'], ['initiative', 'f'], ['beratung', 'f'], ['konzept', 'n'], ['werkstatt', 'f'],
  ['programm', 'n'], ['forum', 'n'], ['plattform', 'f'], ['leitfaden', 'm'], ['börse', 'f'], ['lotsen-Team', 'n'],
  ['fonds', 'm'], ['kampagne', 'f'], ['tag', 'm'], ['bündnis', 'n'], ['akademie', 'f'], ['labor', 'n'], ['check', 'm'],
  ['pakt', 'm'], ['café', 'n'], ['zentrum', 'n'], ['wettbewerb', 'm'], ['management', 'n'], ['atlas', 'm'],
  ['sprechstunde', 'f'], ['offensive', 'f'], ['kataster', 'n'], ['preis', 'm'], ['koordination', 'f'],
];
const articles: Record<'def' | 'indef', Record<'nom' | 'acc' | 'dat', Record<Gender, string>>> = {
  def: { nom: { m: 'der', f: 'die', n: 'das' }, acc: { m: 'den', f: 'die', n: 'das' }, dat: { m: 'dem', f: 'der', n: 'dem' } },
  indef: { nom: { m: 'ein', f: 'eine', n: 'ein' }, acc: { m: 'einen', f: 'eine', n: 'ein' }, dat: { m: 'einem', f: 'einer', n: 'einem' } },
};

interface Town {
  name: string;
  regionId: string;
  postcode: string;
  /** Area code without the leading 0. */
  dial: string;
}
// Real Hessian towns with their Landkreis (gazetteer id), postcode and area code.
const towns: Town[] = (
  [
    ['Darmstadt', 'st-darmstadt', '64283', '6151'], ['Frankfurt am Main', 'st-frankfurt', '60311', '69'], ['Offenbach am Main', 'st-offenbach', '63065', '69'],
    ['Wiesbaden', 'st-wiesbaden', '65183', '611'], ['Kassel', 'st-kassel', '34117', '561'], ['Heppenheim', 'lk-bergstrasse', '64646', '6252'],
    ['Bensheim', 'lk-bergstrasse', '64625', '6251'], ['Viernheim', 'lk-bergstrasse', '68519', '6204'], ['Dieburg', 'lk-darmstadt-dieburg', '64807', '6071'],
    ['Groß-Umstadt', 'lk-darmstadt-dieburg', '64823', '6078'], ['Pfungstadt', 'lk-darmstadt-dieburg', '64319', '6157'], ['Rüsselsheim am Main', 'lk-gross-gerau', '65428', '6142'],
    ['Groß-Gerau', 'lk-gross-gerau', '64521', '6152'], ['Mörfelden-Walldorf', 'lk-gross-gerau', '64546', '6105'], ['Bad Homburg vor der Höhe', 'lk-hochtaunus', '61348', '6172'],
    ['Oberursel', 'lk-hochtaunus', '61440', '6171'], ['Usingen', 'lk-hochtaunus', '61250', '6081'], ['Hanau', 'lk-main-kinzig', '63450', '6181'],
    ['Gelnhausen', 'lk-main-kinzig', '63571', '6051'], ['Schlüchtern', 'lk-main-kinzig', '36381', '6661'], ['Hofheim am Taunus', 'lk-main-taunus', '65719', '6192'],
    ['Eschborn', 'lk-main-taunus', '65760', '6196'], ['Erbach', 'lk-odenwald', '64711', '6062'], ['Michelstadt', 'lk-odenwald', '64720', '6061'],
    ['Dreieich', 'lk-offenbach', '63303', '6103'], ['Rodgau', 'lk-offenbach', '63110', '6106'], ['Dietzenbach', 'lk-offenbach', '63128', '6074'],
    ['Bad Schwalbach', 'lk-rheingau-taunus', '65307', '6124'], ['Eltville am Rhein', 'lk-rheingau-taunus', '65343', '6123'], ['Idstein', 'lk-rheingau-taunus', '65510', '6126'],
    ['Friedberg', 'lk-wetterau', '61169', '6031'], ['Bad Nauheim', 'lk-wetterau', '61231', '6032'], ['Büdingen', 'lk-wetterau', '63654', '6042'],
    ['Gießen', 'lk-giessen', '35390', '641'], ['Lich', 'lk-giessen', '35423', '6404'], ['Laubach', 'lk-giessen', '35321', '6405'],
    ['Wetzlar', 'lk-lahn-dill', '35578', '6441'], ['Herborn', 'lk-lahn-dill', '35745', '2772'], ['Dillenburg', 'lk-lahn-dill', '35683', '2771'],
    ['Limburg an der Lahn', 'lk-limburg-weilburg', '65549', '6431'], ['Weilburg', 'lk-limburg-weilburg', '35781', '6471'], ['Bad Camberg', 'lk-limburg-weilburg', '65520', '6434'],
    ['Marburg', 'lk-marburg-biedenkopf', '35037', '6421'], ['Biedenkopf', 'lk-marburg-biedenkopf', '35216', '6461'], ['Stadtallendorf', 'lk-marburg-biedenkopf', '35260', '6428'],
    ['Lauterbach', 'lk-vogelsberg', '36341', '6641'], ['Alsfeld', 'lk-vogelsberg', '36304', '6631'], ['Schotten', 'lk-vogelsberg', '63679', '6044'],
    ['Fulda', 'lk-fulda', '36037', '661'], ['Hünfeld', 'lk-fulda', '36088', '6652'], ['Gersfeld', 'lk-fulda', '36129', '6654'],
    ['Bad Hersfeld', 'lk-hersfeld-rotenburg', '36251', '6621'], ['Rotenburg an der Fulda', 'lk-hersfeld-rotenburg', '36199', '6623'], ['Bebra', 'lk-hersfeld-rotenburg', '36179', '6622'],
    ['Baunatal', 'lk-kassel', '34225', '561'], ['Hofgeismar', 'lk-kassel', '34369', '5671'], ['Wolfhagen', 'lk-kassel', '34466', '5692'],
    ['Homberg (Efze)', 'lk-schwalm-eder', '34576', '5681'], ['Melsungen', 'lk-schwalm-eder', '34212', '5661'], ['Fritzlar', 'lk-schwalm-eder', '34560', '5622'],
    ['Korbach', 'lk-waldeck-frankenberg', '34497', '5631'], ['Frankenberg (Eder)', 'lk-waldeck-frankenberg', '35066', '6451'], ['Bad Arolsen', 'lk-waldeck-frankenberg', '34454', '5691'],
    ['Eschwege', 'lk-werra-meissner', '37269', '5651'], ['Witzenhausen', 'lk-werra-meissner', '37213', '5542'], ['Hessisch Lichtenau', 'lk-werra-meissner', '37235', '5602'],
  ] as const
).map(([name, regionId, postcode, dial]) => ({ name, regionId, postcode, dial }));

const firstNames = ['Anna', 'Thomas', 'Sabine', 'Michael', 'Julia', 'Stefan', 'Katrin', 'Andreas', 'Aylin', 'Jörg', 'Miriam', 'Tobias', 'Petra', 'Mehmet', 'Ute', 'Jan', 'Claudia', 'Lukas', 'Birgit', 'Sören', 'Fatma', 'Klaus', 'Lena', 'Dieter', 'Nadine', 'Özlem', 'Ralf', 'Heike', 'Jürgen', 'Svenja'];
const lastNames = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Schäfer', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Demir', 'Yılmaz', 'Kötter', 'Seipel', 'Hölzer', 'Bender', 'Weigand', 'Jung', 'Roth', 'Heß'];
const roles = ['Projektkoordination', 'Klimaschutzmanagerin', 'Sachgebietsleitung', 'Fachdienstleitung', 'Vorsitzender', 'Quartiersmanager', 'Referentin', 'Ansprechpartner', 'Geschäftsführung', 'Ehrenamtskoordination'];
const commonGroups = ['Bürgerinnen und Bürger', 'Kommunen', 'Verwaltungen', 'Vereine', 'Ehrenamtliche', 'Kinder und Jugendliche', 'Familien', 'Unternehmen'];
const participants = ['Teilnehmende', 'Haushalte', 'Betriebe', 'Ehrenamtliche', 'Schülerinnen und Schüler', 'Kommunen'];
const gremien = ['Die Stadtverordnetenversammlung', 'Die Gemeindevertretung', 'Der Kreistag', 'Der Magistrat', 'Der Gemeindevorstand', 'Der Vorstand des Vereins'];
const origins = ['in einer Bürgerversammlung', 'im Seniorenbeirat', 'in der Verwaltung', 'bei einem Workshop der Lokalen Agenda', 'im Ausschuss für Umwelt und Klima', 'bei einem Besuch in einer Nachbarkommune', 'aus einer Bürgerinitiative'];
const challenges = [
  'Schwierig war es, genügend Ehrenamtliche dauerhaft zu gewinnen.',
  'Die Abstimmung zwischen den Fachbereichen der Verwaltung brauchte mehr Zeit als geplant.',
  'Neu war für uns die Zusammenarbeit mit privaten Unternehmen.',
  'Die Antragstellung für die Fördermittel war aufwendig.',
  'Personalwechsel in der Verwaltung haben das Vorhaben verzögert.',
  'Manche Zielgruppen erreichen wir nur über aufsuchende Arbeit.',
  'Die Finanzierung nach dem Ende der Förderung ist noch nicht gesichert.',
  'Genehmigungsverfahren dauerten länger als erwartet.',
];
const tips = ['früh die Politik einbinden', 'klein anfangen und Erfolge sichtbar machen', 'eine feste Ansprechperson benennen', 'Nachbarkommunen um Rat fragen', 'die Presse von Anfang an mitnehmen', 'Ehrenamtliche wertschätzen und weiterbilden'];
const suitability = ['kleine Gemeinden im ländlichen Raum', 'Mittelstädte', 'Großstädte mit mehreren Stadtteilen', 'Landkreise', 'Flächengemeinden mit vielen Ortsteilen', 'Kommunen jeder Größe'];
const prereqs = ['eine hauptamtliche Koordination', 'ein Beschluss der Gemeindevertretung', 'ein aktiver Verein vor Ort', 'geeignete Räume', 'Eigenmittel für die ersten zwei Jahre', 'die Unterstützung der Verwaltungsspitze'];
/**
 * Field and district names ("Hasenacker", "Lindenborn"): 20 × 16 combinations give the long tail
 * of rare words that real texts get from local names.
 */
const localName = (r: Rng) =>
  r.pick(['Hasen', 'Eich', 'Linden', 'Mühl', 'Buchen', 'Stein', 'Wolfs', 'Fuchs', 'Kirsch', 'Birken', 'Erlen', 'Tannen', 'Rosen', 'Hohl', 'Kalk', 'Sand', 'Brunnen', 'Schaf', 'Hirsch', 'Weiden']) +
  r.pick(['acker', 'wiese', 'berg', 'grund', 'feld', 'hecke', 'born', 'rain', 'hang', 'graben', 'au', 'höhe', 'tal', 'wald', 'bach', 'hof']);
const months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

const fundingBySource: ReadonlyArray<readonly [string, FundingSource['kind']]> = [
  ['Land Hessen', 'land'], ['Kommunalrichtlinie der Nationalen Klimaschutzinitiative', 'bund'], ['LEADER (EU und Land Hessen)', 'eu'],
  ['Europäischer Sozialfonds Plus (ESF+)', 'eu'], ['GKV-Bündnis für Gesundheit', 'krankenkassen'], ['Bundesprogramm Mehrgenerationenhaus', 'bund'],
  ['Städtebauförderung Sozialer Zusammenhalt', 'bund'], ['Deutsche Bundesstiftung Umwelt', 'stiftung'], ['Sparkassenstiftung', 'stiftung'],
  ['Klimarichtlinie des Landes Hessen', 'land'], ['Europäischer Fonds für regionale Entwicklung (EFRE)', 'eu'], ['Eigenmittel des Vereins', 'eigenmittel'],
  ['Spenden und Sponsoring', 'sonstige'], ['Programm „Starkes Dorf“', 'land'], ['Bundesprogramm „Demokratie leben!“', 'bund'],
];

const partnerKinds = ['Volkshochschule', 'Caritasverband', 'Diakonisches Werk', 'NABU-Gruppe', 'Kreishandwerkerschaft', 'Jobcenter', 'Energieagentur', 'Lokale Agenda 21', 'Seniorenbeirat', 'Naturschutzbeirat', 'Familienzentrum', 'Jugendring', 'Landfrauenverein', 'Bürgerstiftung', 'Sportkreis'];
const fixedPartners = ['AOK Hessen', 'Landesenergieagentur Hessen (LEA)', 'HAGE – Hessische Arbeitsgemeinschaft für Gesundheitsförderung', 'Hessischer Städte- und Gemeindebund', 'Servicestelle Kommunen in der Einen Welt', 'Hessische Landgesellschaft', 'Verbraucherzentrale Hessen', 'IHK Hessen innovativ'];
const partnerRoles = ['Kooperationspartner', 'Beratung', 'Träger', 'Finanzierung', 'Öffentlichkeitsarbeit', 'fachliche Begleitung'];
const kindsByShare: ContributionKind[] = ['projekt', 'projekt', 'projekt', 'projekt', 'projekt', 'material', 'foerderung', 'beratung'];
const leitsatzSdgs = new Map(leitsaetze.map((l) => [l.number, l.sdgs]));

// ───────────────────────────── small helpers ─────────────────────────────

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** ASCII slug for e-mail addresses and URLs: "Groß-Umstadt" → "gross-umstadt". */
function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
const regionName = (id: string) => findRegion(id)?.name ?? 'Hessen';
/** "im Lahn-Dill-Kreis", "im Landkreis Gießen", "in Kassel" (kreisfreie Städte). */
const inRegion = (id: string) => (id.startsWith('st-') ? `in ${regionName(id)}` : `im ${regionName(id)}`);
const euro = (r: Rng, min: number, max: number) => r.int(min, max) * 100_000; // whole thousands of euros, in cents
const zu = ([object, verb]: Goal) => `${object} zu ${verb}`;

interface Context {
  r: Rng;
  topic: Topic;
  town: Town;
  kind: ContributionKind;
  org: string;
  domain: string;
  startYear: number;
  /** Sentences already in this document: real texts do not repeat themselves verbatim. */
  used: Set<string>;
}

/** A fresh compound for this topic, with its gender: "Streuobstnetzwerk" (n). */
function compound(c: Context): { word: string; gender: Gender } {
  const [head, gender] = c.r.zipf(heads);
  return { word: c.r.pick(c.topic.stems) + head, gender };
}
const withArticle = (c: Context, kind: 'def' | 'indef', grammaticalCase: 'nom' | 'acc' | 'dat') => {
  const { word, gender } = compound(c);
  return `${articles[kind][grammaticalCase][gender]} ${word}`;
};

/** Sentences for descriptions; each a function so every use draws new words. */
const sentences: Array<(c: Context) => string> = [
  (c) => `${c.org} ${c.r.pick(c.topic.acts)}.`,
  (c) => `Im Mittelpunkt stehen ${c.r.zipf(c.topic.words)} und ${c.r.pick(c.topic.words)}.`,
  (c) => `Das Vorhaben ${c.r.pick(c.topic.acts)} und richtet sich an ${c.r.pick(c.topic.groups)}.`,
  (c) => `Zielgruppe sind vor allem ${c.r.pick(c.topic.groups)} ${inRegion(c.town.regionId)}.`,
  (c) => `Bisher wurden rund ${c.r.int(2, 60) * 10} ${c.r.pick(participants)} erreicht.`,
  (c) => `${capitalise(withArticle(c, 'indef', 'nom'))} ergänzt das Angebot.`,
  (c) => `Wichtig ist die Verbindung von ${c.r.zipf(c.topic.words)} und ${c.r.pick(commonGroups)}.`,
  (c) => `Die Ergebnisse werden in ${withArticle(c, 'indef', 'dat')} dokumentiert und anderen Kommunen zur Verfügung gestellt.`,
  (c) => `Für ${c.startYear + c.r.int(1, 4)} ist eine Ausweitung auf weitere Ortsteile geplant.`,
  (c) => `Angesprochen werden ${c.r.pick(c.topic.groups)} in ${c.town.name} und den umliegenden Gemeinden.`,
  (c) => `${c.org} arbeitet dabei eng mit ${partnerName(c)} zusammen.`,
  (c) => `Ziel ist es, ${zu(c.r.pick(c.topic.goals))}.`,
  (c) => `Regelmäßige Treffen, ${c.r.zipf(c.topic.words)} und eine gute Öffentlichkeitsarbeit sorgen dafür, dass das Angebot bekannt bleibt.`,
  (c) => `Über ${withArticle(c, 'def', 'acc')} können sich Interessierte einbringen.`,
  (c) => `Begonnen wurde im Ortsteil ${localName(c.r)}, später kamen ${localName(c.r)} und ${localName(c.r)} hinzu.`,
];

const kindSentences: Record<ContributionKind, Array<(c: Context) => string>> = {
  projekt: [(c) => `Die Kommune ${c.town.name} hat das Projekt ${c.startYear} gestartet.`],
  material: [
    (c) => `Der Leitfaden enthält Checklisten, Praxisbeispiele und Musterschreiben zum Thema ${c.r.zipf(c.topic.words)}.`,
    () => 'Die Arbeitshilfe steht als PDF zum Download bereit und darf frei weitergegeben werden.',
  ],
  foerderung: [
    (c) => `Gefördert werden bis zu ${c.r.pick([50, 60, 70, 80, 90])} Prozent der zuwendungsfähigen Ausgaben.`,
    () => 'Antragsberechtigt sind Städte, Gemeinden, Landkreise und kommunale Zusammenschlüsse.',
    (c) => `Anträge können bis zum 31. ${c.r.pick(['März', 'Juli', 'Oktober'])} eines Jahres gestellt werden.`,
  ],
  beratung: [
    () => 'Die Beratung ist für Kommunen kostenfrei und findet vor Ort oder per Videokonferenz statt.',
    (c) => `Die Beraterinnen und Berater begleiten Verwaltungen vom ersten Gespräch bis zum Antrag zu ${c.r.zipf(c.topic.words)}.`,
  ],
};

function partnerName(c: Context): string {
  if (c.r.chance(0.25)) return c.r.zipf(fixedPartners);
  const kind = c.r.zipf(partnerKinds);
  return c.r.chance(0.5) ? `${kind} ${c.town.name}` : `${kind} ${regionName(c.town.regionId)}`;
}

function paragraph(c: Context, count: number): string {
  const out: string[] = [];
  const add = (draw: () => string) => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const sentence = draw();
      if (c.used.has(sentence)) continue;
      c.used.add(sentence);
      out.push(sentence);
      return;
    }
  };
  for (let i = 0; i < count; i++) add(() => c.r.zipf(sentences)(c));
  if (c.r.chance(0.4)) add(() => c.r.pick(kindSentences[c.kind])(c));
  return out.join(' ');
}

function title(c: Context): string {
  const phrase = c.r.pick(c.topic.titles);
  const { word } = compound(c);
  switch (c.kind) {
    case 'material':
      return `${c.r.pick(['Leitfaden', 'Arbeitshilfe', 'Handreichung', 'Praxisleitfaden', 'Checkliste'])}: ${phrase}`;
    case 'foerderung':
      return c.r.chance(0.5) ? `Förderprogramm ${word}` : `Zuschüsse für ${c.r.zipf(c.topic.words)}`;
    case 'beratung':
      return `${c.r.pick(['Beratungsstelle', 'Kommunalberatung', 'Servicestelle', 'Lotsendienst'])} ${c.r.zipf(c.topic.words)}`;
    default:
      return c.r.pick([`${word} ${c.town.name}`, `${phrase} in ${c.town.name}`, `${phrase}: ${word} ${inRegion(c.town.regionId)}`, `${word} – ${phrase}`]);
  }
}

function period(c: Context): ContributionContent['period'] {
  const month = c.r.chance(0.5) ? c.r.int(1, 12) : null;
  const start = month ? `${c.startYear}-${String(month).padStart(2, '0')}` : String(c.startYear);
  if (c.r.chance(0.08)) return { start: null, end: null, text: null };
  if (c.r.chance(0.45)) return { start, end: null, text: month ? `seit ${months[month - 1]} ${c.startYear}` : `seit ${c.startYear}, laufend` };
  const endYear = c.startYear + c.r.int(1, 6);
  return { start, end: String(endYear), text: `${c.startYear} bis ${endYear}` };
}

function funding(c: Context): ContributionContent['funding'] {
  const sources: FundingSource[] = c.r.sample(fundingBySource, c.r.int(0, 3)).map(([name, kind]) => ({ name, kind, amountCents: c.r.chance(0.7) ? euro(c.r, 5, 400) : null }));
  if (c.r.chance(0.5)) sources.push({ name: `Stadt ${c.town.name}`, kind: 'kommune', amountCents: euro(c.r, 2, 80) });
  const known = sources.every((s) => s.amountCents !== null) && sources.length > 0;
  const own = sources.filter((s) => s.kind === 'kommune' || s.kind === 'eigenmittel').reduce((sum, s) => sum + (s.amountCents ?? 0), 0);
  const total = sources.reduce((sum, s) => sum + (s.amountCents ?? 0), 0);
  return {
    sources,
    grantCents: known ? total - own : null,
    ownCents: known ? own : null,
    totalCents: known ? total : null,
    text: c.r.chance(0.3) ? c.r.pick(['jährliche Förderung', 'Anschubfinanzierung für drei Jahre', 'Förderquote 80 Prozent', 'Finanzierung über den Haushalt']) : null,
  };
}

function person(r: Rng, domain: string, dial: string): ContributionContent['contacts'][number] {
  const first = r.zipf(firstNames);
  const last = r.zipf(lastNames);
  return {
    name: `${first} ${last}`,
    role: r.chance(0.8) ? r.pick(roles) : null,
    phone: r.chance(0.7) ? `+49 ${dial} ${r.int(100, 9999)}-${r.int(0, 999)}` : null,
    email: r.chance(0.8) ? `${slug(first)}.${slug(last)}@${domain}` : null,
    publishConsent: r.chance(0.6),
  };
}

/** One contribution; everything random comes from the document's own generator. */
function generateOne(seed: number, index: number): ContributionContent {
  const r = new Rng(docSeed(seed, index));
  const topic = r.zipf(topics);
  const town = r.zipf(towns);
  const kind = r.pick(kindsByShare);
  const isState = kind === 'foerderung' || (kind !== 'projekt' && r.chance(0.4));
  const org = isState
    ? r.pick(['Das Land Hessen', 'Das Hessische Ministerium für Wirtschaft, Energie und Verkehr', 'Das Hessische Ministerium für Soziales', 'Die LandesEnergieAgentur'])
    : r.pick([`Die Stadt ${town.name}`, town.regionId.startsWith('st-') ? `Der Magistrat der Stadt ${town.name}` : `Der ${regionName(town.regionId)}`, `Der Verein ${topic.stems[0]}${r.pick(['freunde', 'netz', 'initiative'])} ${town.name}`, `Die Gemeinde ${town.name}`]);
  const domain = `${slug(isState ? 'hessen' : town.name)}.de`;
  const c: Context = { r, topic, town, kind, org, domain, startYear: r.int(2010, 2027), used: new Set() };

  const description: string[] = [];
  for (let p = r.int(1, 3); p > 0; p--) description.push(paragraph(c, r.int(2, 4)));
  if (r.chance(0.3)) description.push(r.sample(topic.words, 3).map((w) => `- ${w}`).join('\n'));
  if (r.chance(0.2)) description.unshift(`**${compound(c).word}:** ${paragraph(c, 1)}`);

  const leitsatzNumbers = [...new Set([...topic.leitsaetze, ...(r.chance(0.3) ? [r.int(1, 22)] : [])])].sort((a, b) => a - b);
  const sdgNumbers = [...new Set(leitsatzNumbers.flatMap((n) => leitsatzSdgs.get(n) ?? []))].sort((a, b) => a - b);
  const focusRegion = r.chance(0.15) ? 'hessen' : town.regionId;
  const hasAnswers = kind === 'projekt' && r.chance(0.6);
  const goal = r.pick(topic.goals);

  return {
    kind,
    title: title(c),
    teaser: r.chance(0.9) ? `${org} ${r.pick(topic.acts)}. Ziel ist es, ${zu(goal)}.` : null,
    description: description.filter((p) => p.length > 0).join('\n\n').trim(),
    purpose: r.chance(0.7) ? `Viele Kommunen stehen vor der Frage, wie sie ${goal[0]} ${goal[1]} können. ${paragraph(c, r.int(1, 2))}`.trim() : null,
    components: Array.from({ length: r.int(0, 4) }, () => ({ title: capitalise(compound(c).word), text: (r.chance(0.8) && paragraph(c, 1)) || null })),
    answers: {
      decision: hasAnswers ? `Die Idee entstand ${c.startYear - 1} ${r.pick(origins)}. ${r.pick(gremien)} beschloss daraufhin, ${zu(goal)}.` : null,
      support: hasAnswers ? `Unterstützt haben uns ${partnerName(c)} und ${partnerName(c)}.` : null,
      challenges: hasAnswers ? `${r.pick(challenges)} Tipp: ${r.pick(tips)}.` : null,
      prerequisites: hasAnswers ? `Geeignet für ${r.pick(suitability)}. Voraussetzung ist ${r.pick(prereqs)}.` : null,
    },
    sponsor: r.chance(0.85)
      ? {
          name: org.replace(/^(Die|Der|Das) /, ''),
          street: r.chance(0.7) ? `${r.chance(0.5) ? r.pick(['Marktplatz', 'Rathausstraße', 'Bahnhofstraße', 'Schulstraße', 'Am Kirchberg']) : `${localName(r)}straße`} ${r.int(1, 60)}` : null,
          postcode: isState ? '65185' : town.postcode,
          city: isState ? 'Wiesbaden' : town.name,
          website: r.chance(0.6) ? `https://www.${domain}/` : null,
        }
      : null,
    contacts: Array.from({ length: r.int(0, 2) }, () => person(r, domain, isState ? '611' : town.dial)),
    partners: Array.from({ length: r.int(0, 4) }, () => ({ name: partnerName(c), role: r.chance(0.7) ? r.pick(partnerRoles) : null, website: null })),
    places: [{ regionId: focusRegion, label: focusRegion === 'hessen' ? r.pick(['hessenweit', 'ganz Hessen', 'landesweit']) : r.pick([town.name, `Stadt ${town.name}`, `${town.name} (${regionName(town.regionId)})`]), focus: r.chance(0.1) }],
    period: period(c),
    participation: r.chance(0.3)
      ? { status: 'open', text: r.chance(0.6) ? r.pick(['Neue Mitwirkende sind jederzeit willkommen.', 'Anmeldung über das Rathaus.', 'Offenes Treffen jeden ersten Dienstag im Monat.']) : null }
      : r.chance(0.3)
        ? { status: 'closed', text: null }
        : { status: 'unknown', text: null },
    funding: funding(c),
    legalReferences: topic.laws && r.chance(0.5) ? topic.laws : [],
    targetGroups: r.sample([...topic.groups, ...commonGroups.slice(0, 3)], r.int(1, 3)),
    links: Array.from({ length: r.int(0, 2) }, () => ({ url: `https://www.${domain}/${slug(compound(c).word)}`, label: capitalise(r.pick(topic.words)), placeholder: false, broken: false })),
    taxonomy: { leitbildArea: r.chance(0.95) ? topic.area : null, leitsaetze: leitsatzNumbers, sdgs: sdgNumbers, kommunenFocus: r.chance(0.4) },
  };
}

/** Contributions 0…n−1 for the seed; each is valid ContributionContent (parsed shape, defaults filled). */
export function* iterateContributions(n: number, seed: number): Generator<ContributionContent> {
  for (let i = 0; i < n; i++) yield generateOne(seed, i);
}

export function generateContributions(n: number, seed: number): ContributionContent[] {
  return Array.from(iterateContributions(n, seed));
}

// ───────────────────────────── CLI and self-check ─────────────────────────────

async function writeNdjson(n: number, seed: number): Promise<void> {
  let batch: string[] = [];
  const flush = async () => {
    // Respect back-pressure: 100k documents are ≈250 MB of JSON.
    if (!process.stdout.write(batch.join(''))) await new Promise((resolve) => process.stdout.once('drain', resolve));
    batch = [];
  };
  for (const doc of iterateContributions(n, seed)) {
    batch.push(`${JSON.stringify(doc)}\n`);
    if (batch.length === 1000) await flush();
  }
  await flush();
}

function selfCheck(n: number): void {
  const fail = (message: string): never => {
    console.error(`self-check FAILED: ${message}`);
    process.exit(1);
  };
  let started = performance.now();
  const docs = generateContributions(n, 42);
  const ms = performance.now() - started;
  if (!isDeepStrictEqual(docs, generateContributions(n, 42))) fail('same seed gave different output');
  if (isDeepStrictEqual(docs[0], generateContributions(1, 43)[0])) fail('different seeds gave the same first document');
  if (!isDeepStrictEqual(generateContributions(10, 42), docs.slice(0, 10))) fail('smaller corpus is not a prefix');
  started = performance.now();
  docs.forEach((doc, i) => {
    const parsed = ContributionContentSchema.safeParse(doc);
    if (!parsed.success) fail(`document ${i} invalid: ${JSON.stringify(parsed.error.issues)}`);
    else if (!isDeepStrictEqual(parsed.data, doc)) fail(`document ${i} changes when parsed (missing default?)`);
  });
  const parseMs = performance.now() - started;

  // Term statistics: real text has a few very frequent words and a long tail of rare ones.
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const words = new Set(`${doc.title} ${doc.teaser ?? ''} ${doc.description ?? ''} ${doc.purpose ?? ''}`.toLowerCase().match(/[\p{L}\d-]+/gu) ?? []);
    for (const w of words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  }
  const frequencies = [...documentFrequency.entries()].sort((a, b) => b[1] - a[1]);
  const rare = frequencies.filter(([, f]) => f / n < 0.001).length;
  const top = frequencies.slice(0, 8).map(([w, f]) => `${w} ${Math.round((100 * f) / n)}%`);
  const kinds = new Map<string, number>();
  for (const doc of docs) kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
  console.error(`generated ${n} in ${ms.toFixed(0)} ms, validated in ${parseMs.toFixed(0)} ms`);
  console.error(`kinds: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.error(`distinct words: ${frequencies.length}; in < 0.1 % of documents: ${rare}; most common (document frequency): ${top.join(', ')}`);
  if (frequencies.length < 1000) fail('vocabulary too small');
  if ((frequencies[0]?.[1] ?? 0) / n < 0.5) fail('no very common words');
  console.error('self-check passed');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = process.argv.slice(2);
  if (args[0] === '--check') {
    selfCheck(Number(args[1] ?? 5000));
  } else {
    const n = Number(args[0]);
    const seed = Number(args[1] ?? 1);
    if (!Number.isInteger(n) || n < 0 || !Number.isInteger(seed)) {
      console.error('Aufruf: node --import tsx bench/generate-corpus.ts <Anzahl> [Seed] > korpus.ndjson   |   --check [Anzahl]');
      process.exit(2);
    }
    await writeNdjson(n, seed);
  }
}
