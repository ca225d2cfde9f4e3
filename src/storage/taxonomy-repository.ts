import type { TaxonomyNames } from '../domain/taxonomy.ts';
import type { Database } from './database.ts';

// Names are read on every page but change rarely; a short-lived copy spares the database
// (PGlite shares the event loop with the web server). Renames show after at most this long.
const NAMES_TTL_MS = 10_000;

export function createTaxonomyRepository(db: Database) {
  let cached: { at: number; names: Promise<TaxonomyNames> } | null = null;

  /** Current (editable) names keyed by stable id. */
  function names(): Promise<TaxonomyNames> {
    if (!cached || Date.now() - cached.at > NAMES_TTL_MS) {
      const loading = readNames();
      cached = { at: Date.now(), names: loading };
      // A failed read must not be served from the cache.
      loading.catch(() => {
        if (cached?.names === loading) cached = null;
      });
    }
    return cached.names;
  }

  async function readNames(): Promise<TaxonomyNames> {
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
    cached = null;
  }

  return { names, renameLeitsatz };
}
