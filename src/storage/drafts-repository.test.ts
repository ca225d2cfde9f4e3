import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContributionContentSchema } from '../domain/contribution.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { createContributionRepository } from './contributions-repository.ts';
import { createDraftsRepository, type DraftsRepository } from './drafts-repository.ts';

const DAY = 24 * 60 * 60_000;
const newHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

describe.each(testEngines)('submission drafts on %s', (engine) => {
  let t: TestDatabase;
  let drafts: DraftsRepository;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    drafts = createDraftsRepository(t.db);
  });
  afterAll(async () => t?.dispose());

  it('stores the values as typed under the token hash and finds them again', async () => {
    const hash = newHash();
    const values = { title: '  <b>Titel</b> ', 'contacts.0.email': 'kein@', 'taxonomy.sdgs': ['3', '8'] };
    const created = await drafts.create({ tokenHash: hash, step: 'projekt', values, ttlMs: 30 * DAY });
    const found = await drafts.findByTokenHash(hash);
    expect({ ...found, ageMs: 0 }).toEqual({ ...created, ageMs: 0 });
    expect(found).toMatchObject({ step: 'projekt', values, expired: false, contributionId: null, reference: null });
    expect(found!.ageMs).toBeGreaterThanOrEqual(0);
    expect(found!.ageMs).toBeLessThan(60_000);
    expect(Date.parse(found!.expiresAt) - Date.now()).toBeGreaterThan(29 * DAY);
    expect(await drafts.findByTokenHash(newHash())).toBeNull();
  });

  it('saves new values and moves the expiry on, but not for an expired draft', async () => {
    const live = await drafts.create({ tokenHash: newHash(), step: 'ueber-sie', ttlMs: DAY });
    const saved = await drafts.save(live.id, { values: { 'submitter.name': 'Erika' }, step: 'projekt', ttlMs: 30 * DAY });
    expect(saved).toMatchObject({ step: 'projekt', values: { 'submitter.name': 'Erika' } });
    expect(Date.parse(saved!.expiresAt)).toBeGreaterThan(Date.parse(live.expiresAt));

    const hash = newHash();
    const old = await drafts.create({ tokenHash: hash, step: 'projekt', values: { title: 'alt' }, ttlMs: -1000 });
    expect(old.expired).toBe(true);
    expect(await drafts.save(old.id, { values: { title: 'neu' }, step: 'projekt', ttlMs: 30 * DAY })).toBeNull();
    expect((await drafts.findByTokenHash(hash))?.values).toEqual({ title: 'alt' });
  });

  it('links a submitted draft to its contribution, drops the typed values and refuses later saves', async () => {
    const hash = newHash();
    const draft = await drafts.create({ tokenHash: hash, step: 'pruefen', values: { title: 'Bürgerbus' }, ttlMs: DAY });
    const contributions = createContributionRepository(t.db);
    const contribution = await t.db.transaction(async (tx) => {
      const created = await contributions.create(
        ContributionContentSchema.parse({ title: 'Bürgerbus' }),
        { state: 'submitted', actor: 'test', reference: `BK-TEST-${hash.slice(0, 6)}`, submitter: { name: 'A', email: 'a@example.org' } },
        tx,
      );
      await drafts.markSubmitted(tx, draft.id, created.id);
      return created;
    });
    const found = await drafts.findByTokenHash(hash);
    expect(found).toMatchObject({ contributionId: contribution.id, reference: `BK-TEST-${hash.slice(0, 6)}`, values: {} });
    expect(await drafts.save(draft.id, { values: { title: 'später' }, step: 'projekt', ttlMs: DAY })).toBeNull();
    const [row] = await t.db.query<{ submitter: unknown }>('SELECT submitter FROM contributions WHERE id = $1', [contribution.id]);
    expect(row?.submitter).toEqual({ name: 'A', email: 'a@example.org' });

    // Editors deleting the contribution take the draft (and its personal data) along.
    await t.db.query('DELETE FROM contribution_revisions WHERE contribution_id = $1', [contribution.id]);
    await t.db.query('DELETE FROM contributions WHERE id = $1', [contribution.id]);
    expect(await drafts.findByTokenHash(hash)).toBeNull();
  });

  it('stores no token, only its hash', async () => {
    const token = randomBytes(32).toString('base64url');
    await drafts.create({ tokenHash: createHash('sha256').update(token).digest('hex'), step: 'projekt', ttlMs: DAY });
    const rows = await t.db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM submission_drafts WHERE token_hash = $1 OR form_values::text LIKE $2`, [token, `%${token}%`]);
    expect(rows[0]?.n).toBe(0);
  });

  it('lets one transaction at a time hold a draft locked', async () => {
    const hash = newHash();
    await drafts.create({ tokenHash: hash, step: 'pruefen', ttlMs: DAY });
    const events: string[] = [];
    const holder = (name: string) =>
      t.db.transaction(async (tx) => {
        await drafts.lockByTokenHash(tx, hash);
        events.push(`${name} locked`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        events.push(`${name} done`);
      });
    await Promise.all([holder('a'), holder('b')]);
    // Whichever came first finished before the other got the lock.
    expect([['a locked', 'a done', 'b locked', 'b done'], ['b locked', 'b done', 'a locked', 'a done']]).toContainEqual(events);
  });

  it('purges drafts only when they expired longer ago than the grace period', async () => {
    const longGone = newHash();
    const recentlyExpired = newHash();
    await drafts.create({ tokenHash: longGone, step: 'projekt', ttlMs: -20 * DAY });
    await drafts.create({ tokenHash: recentlyExpired, step: 'projekt', ttlMs: -1000 });
    expect(await drafts.purgeExpired(14 * DAY)).toBeGreaterThanOrEqual(1);
    expect(await drafts.findByTokenHash(longGone)).toBeNull();
    expect((await drafts.findByTokenHash(recentlyExpired))?.expired).toBe(true);
  });
});
