import type { TaxonomyNames } from '../domain/taxonomy.ts';
import type { Database } from './database.ts';

export function createTaxonomyRepository(db: Database) {
  /** Current (editable) names keyed by stable id. */
  async function names(): Promise<TaxonomyNames> {
    const [areas, saetze, goals, regions] = await Promise.all([
      db.query<{ id: string; name: string }>('SELECT id, name FROM leitbild_areas ORDER BY position'),
      db.query<{ number: number; title: string }>('SELECT number, title FROM leitsaetze ORDER BY number'),
      db.query<{ number: number; title: string }>('SELECT number, title FROM sdgs ORDER BY number'),
      db.query<{ id: string; name: string }>('SELECT id, name FROM regions ORDER BY position'),
    ]);
    return {
      leitbildAreas: new Map(areas.map((a) => [a.id, a.name])),
      leitsaetze: new Map(saetze.map((s) => [s.number, s.title])),
      sdgs: new Map(goals.map((s) => [s.number, s.title])),
      regions: new Map(regions.map((r) => [r.id, r.name])),
    };
  }

  async function renameLeitsatz(number: number, title: string): Promise<void> {
    await db.query('UPDATE leitsaetze SET title = $2 WHERE number = $1', [number, title]);
  }

  return { names, renameLeitsatz };
}
