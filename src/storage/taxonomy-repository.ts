import type { TaxonomyKind, TaxonomyNames } from '../domain/taxonomy.ts';
import type { Database, Queryable } from './database.ts';

// Names are read on every page but change rarely; a short-lived copy spares the database
// (PGlite shares the event loop with the web server). A rename through any instance shows on
// every instance after at most this long, like a change of a contribution (search change feed).
const NAMES_TTL_MS = 1000;

// Fixed identifiers only: never built from input.
const tables: Record<TaxonomyKind, { table: string; key: string; column: string }> = {
  leitbildAreas: { table: 'leitbild_areas', key: 'id', column: 'name' },
  leitsaetze: { table: 'leitsaetze', key: 'number', column: 'title' },
  sdgs: { table: 'sdgs', key: 'number', column: 'title' },
  regions: { table: 'regions', key: 'id', column: 'name' },
};

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

  /**
   * Renames one entry (id as text: "soziales", "17"); returns the name it had, or null for an unknown id.
   * With tx, the rename is part of the caller's transaction (e.g. with its audit entry).
   */
  async function rename(kind: TaxonomyKind, id: string, name: string, tx: Queryable = db): Promise<string | null> {
    const { table, key, column } = tables[kind];
    const rows = await tx.query<{ before: string }>(
      `UPDATE ${table} AS t SET ${column} = $2 FROM (SELECT ${key}, ${column} AS before FROM ${table} WHERE ${key}::text = $1 FOR UPDATE) AS old
       WHERE t.${key} = old.${key} RETURNING old.before`,
      [id, name],
    );
    cached = null;
    return rows[0]?.before ?? null;
  }

  return { names, rename };
}
export type TaxonomyRepository = ReturnType<typeof createTaxonomyRepository>;
