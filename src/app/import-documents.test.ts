import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { createContributionRepository, type ContributionRepository } from '../storage/contributions-repository.ts';
import { importDocuments } from './import-documents.ts';
import { demoDir, seedDemoContent } from './seed-demo.ts';

const factSheet = { name: 'projektsteckbrief-bfa.txt', bytes: readFileSync(`${demoDir}projektsteckbrief-bfa.txt`) };
const questionnaire = { name: 'frageformular-vag.txt', bytes: readFileSync(`${demoDir}frageformular-vag.txt`) };

describe.each(testEngines)('importing documents into storage on %s', (engine) => {
  let t: TestDatabase;
  let repo: ContributionRepository;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    repo = createContributionRepository(t.db);
  });
  afterAll(async () => t?.dispose());

  const count = async () => (await repo.list({ limit: 1000, offset: 0 })).total;

  it('stores a fact sheet as a draft with provenance and finds it again by slug', async () => {
    const [result] = await importDocuments(repo, [factSheet]);
    expect(result?.outcome).toBe('imported');
    if (result?.outcome !== 'imported') return;
    const stored = await repo.findBySlug(result.contribution.slug);
    expect(stored?.state).toBe('draft');
    expect(stored?.sponsor?.name).toBe('LAG WfbM Hessen e.V.');
    expect(stored?.provenance).toMatchObject({ format: 'factsheet', sourceFile: 'projektsteckbrief-bfa.txt' });
    expect(stored?.provenance?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await repo.revisions(stored!.id))[0]?.note).toBe('Import aus „projektsteckbrief-bfa.txt“');
  });

  it('is idempotent: the same bytes again are reported as a duplicate and not stored twice', async () => {
    const before = await count();
    const [again] = await importDocuments(repo, [{ ...factSheet, name: 'umbenannt.txt' }]);
    expect(again?.outcome).toBe('duplicate');
    expect(await count()).toBe(before);
  });

  it('stores nothing for rejected documents and still imports the good ones in the same run', async () => {
    const before = await count();
    const results = await importDocuments(repo, [
      { name: 'leer.txt', bytes: new Uint8Array() },
      { name: 'bild.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 0, 0]) },
      questionnaire,
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'imported']);
    expect(results[0]?.outcome === 'rejected' && results[0].reason).toContain('leer.txt');
    expect(results[1]?.outcome === 'rejected' && results[1].reason).toContain('bild.png');
    expect(await count()).toBe(before + 1);
  });

  it('writes nothing in a dry run', async () => {
    const before = await count();
    const [result] = await importDocuments(repo, [{ ...factSheet, bytes: Buffer.concat([factSheet.bytes, Buffer.from('\n')]) }], { dryRun: true });
    expect(result?.outcome).toBe('parsed');
    expect(await count()).toBe(before);
  });

  it('seeds the demo content as published once, and not again on later starts', async () => {
    const fresh = await createTestDatabase(engine);
    try {
      const demoRepo = createContributionRepository(fresh.db);
      expect((await seedDemoContent(demoRepo)).map((r) => r.outcome)).toEqual(['imported', 'imported']);
      expect((await seedDemoContent(demoRepo)).map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
      const published = await demoRepo.listPublished({ limit: 10, offset: 0 });
      expect(published.items.map((c) => c.title).sort()).toEqual([
        'Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX',
        'Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt',
      ]);
    } finally {
      await fresh.dispose();
    }
  });
});
