import { randomBytes } from 'node:crypto';
import { create, insertMultiple, search, type Orama } from '@orama/orama';
import { language, stemmer } from '@orama/stemmers/german';
import type { ContributionContent } from '../../src/domain/contribution.ts';
import type { RelevanceDocument } from '../../src/search/evaluation.ts';
import { createCatalogSearch, type CatalogSearchService } from '../../src/search/catalog-search.ts';
import { emptyFilters } from '../../src/search/types.ts';
import { createContributionRepository } from '../../src/storage/contributions-repository.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { migrate } from '../../src/storage/migrate.ts';

/*
 * Engines compared by the relevance benchmark (issue 3, point 3). Each engine indexes the same
 * documents and answers a query with corpus keys, best first. The two baselines are deliberately
 * plain — they are the yardstick our own search must beat, so do not tune them.
 */

export type { RelevanceDocument };

export interface RelevanceEngine {
  name: string;
  index(docs: RelevanceDocument[]): Promise<void>;
  /** Corpus keys, best first, at most `limit`. */
  search(query: string, limit: number): Promise<string[]>;
  close(): Promise<void>;
}

/** The three searchable fields every baseline sees: title, teaser, and everything else as body. */
export interface FlatDocument {
  key: string;
  title: string;
  teaser: string;
  body: string;
}

/**
 * Every other free-text field, joined with blank lines. Both baselines get the same body, so
 * differences in the figures come from the engines, not from what they were fed.
 */
export function bodyText(c: ContributionContent): string {
  const parts: Array<string | null | undefined> = [
    c.description,
    c.purpose,
    ...c.components.flatMap((x) => [x.title, x.text]),
    c.answers.decision,
    c.answers.support,
    c.answers.challenges,
    c.answers.prerequisites,
    c.sponsor?.name,
    c.sponsor?.city,
    ...c.contacts.flatMap((x) => [x.name, x.role]),
    ...c.partners.flatMap((x) => [x.name, x.role]),
    ...c.places.map((x) => x.label),
    c.period.text,
    c.participation.text,
    ...c.funding.sources.map((x) => x.name),
    c.funding.text,
    ...c.legalReferences.map((x) => x.label),
    ...c.targetGroups,
    ...c.links.map((x) => x.label),
  ];
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

export function flatten(doc: RelevanceDocument): FlatDocument {
  return { key: doc.key, title: doc.content.title, teaser: doc.content.teaser ?? '', body: bodyText(doc.content) };
}

export type PostgresPlainConfig = { inMemory: true } | { databaseUrl: string };

/**
 * "Plain PostgreSQL" as named in the issue: German tsvector weighted A title / B teaser / C body,
 * GIN index, websearch_to_tsquery('german') and ts_rank. Works on a fresh in-memory PGlite or on
 * a PostgreSQL server; on a server it uses its own uniquely named table (several runs or the app
 * may share the database) and drops it on close.
 */
export function postgresPlainEngine(config: PostgresPlainConfig): RelevanceEngine {
  const table = `bench_relevance_${process.pid}_${randomBytes(4).toString('hex')}`;
  let db: Database | null = null;
  const name = 'inMemory' in config ? 'postgres-plain (PGlite)' : 'postgres-plain (PostgreSQL)';

  return {
    name,
    async index(docs) {
      db = await openDatabase(config);
      await db.exec(`
        CREATE TABLE ${table} (
          key text PRIMARY KEY,
          title text NOT NULL,
          teaser text NOT NULL,
          body text NOT NULL,
          tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('german', title), 'A') ||
            setweight(to_tsvector('german', teaser), 'B') ||
            setweight(to_tsvector('german', body), 'C')
          ) STORED
        );
        CREATE INDEX ${table}_tsv ON ${table} USING gin (tsv);`);
      // One statement for all rows (passed as JSON): far fewer round trips than row-by-row inserts.
      await db.query(
        `INSERT INTO ${table} (key, title, teaser, body)
         SELECT key, title, teaser, body FROM jsonb_to_recordset($1::jsonb) AS x(key text, title text, teaser text, body text)`,
        [JSON.stringify(docs.map(flatten))],
      );
      await db.exec(`ANALYZE ${table}`);
    },
    async search(query, limit) {
      if (!db) throw new Error(`${name}: index() first`);
      // Tie-break on key so equal ranks give the same order on PGlite and PostgreSQL.
      const rows = await db.query<{ key: string }>(
        `SELECT key FROM ${table}, websearch_to_tsquery('german', $1) AS q
         WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, key LIMIT $2`,
        [query, limit],
      );
      return rows.map((r) => r.key);
    },
    async close() {
      if (!db) return;
      await db.exec(`DROP TABLE IF EXISTS ${table}`);
      await db.close();
      db = null;
    },
  };
}

const oramaSchema = { key: 'string', title: 'string', teaser: 'string', body: 'string' } as const;

/**
 * Orama with the German Snowball stemmer from @orama/stemmers; title boosted 3, teaser 2, every
 * other parameter at Orama's defaults (BM25, threshold 1 = any term may match, no typo tolerance).
 */
export function oramaEngine(): RelevanceEngine {
  let db: Orama<typeof oramaSchema> | null = null;
  return {
    name: 'orama',
    async index(docs) {
      db = create({
        schema: oramaSchema,
        // @orama/stemmers types `language` as string; it is 'german', a supported Orama language.
        components: { tokenizer: { stemming: true, language: language as 'german', stemmer } },
      });
      await insertMultiple(db, docs.map(flatten));
    },
    async search(query, limit) {
      if (!db) throw new Error('orama: index() first');
      const result = await search(db, { term: query, limit, boost: { title: 3, teaser: 2 } });
      return result.hits.map((hit) => hit.document.key);
    },
    async close() {
      db = null;
    },
  };
}

/**
 * Our own search ("baukasten"): the documents are stored as published contributions in the
 * same kind of database, and the catalog search service indexes them from there, as in production.
 */
export function baukastenEngine(config: PostgresPlainConfig): RelevanceEngine {
  let db: Database | null = null;
  let search: CatalogSearchService | null = null;
  const keyById = new Map<string, string>();
  let schema: string | null = null;
  return {
    name: 'baukasten (BM25F, compounds, synonyms)',
    async index(docs) {
      if ('databaseUrl' in config) {
        // A private schema keeps the benchmark's rows away from anything else in that database.
        schema = `bench_baukasten_${process.pid}_${randomBytes(4).toString('hex')}`;
        const admin = await openDatabase(config);
        await admin.exec(`CREATE SCHEMA ${schema}`);
        await admin.close();
        const url = new URL(config.databaseUrl);
        url.searchParams.set('options', `-c search_path=${schema}`);
        db = await openDatabase({ databaseUrl: url.toString() });
      } else db = await openDatabase({ inMemory: true });
      await migrate(db);
      const repo = createContributionRepository(db);
      const created = await repo.createMany(
        docs.map((d) => ({ content: d.content })),
        { state: 'published', actor: 'bench' },
      );
      created.forEach((c, i) => keyById.set(c.id, docs[i]!.key));
      search = createCatalogSearch({ contributions: repo, today: () => '2026-11-21' });
      await search.load();
    },
    async search(query, limit) {
      const result = await search!.search({ text: query, filters: emptyFilters(), sort: 'relevanz', page: 1, pageSize: limit });
      return result.hits.map((hit) => keyById.get(hit.contribution.id)!);
    },
    async close() {
      await db?.close();
      if (schema && 'databaseUrl' in config) {
        const admin = await openDatabase(config);
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      }
    },
  };
}
