import { findDuplicates } from '../../app/duplicates/find-duplicates.ts';
import { addComment } from '../../app/editorial/add-comment.ts';
import { applySuggestions } from '../../app/editorial/apply-suggestions.ts';
import { bulkTargets, bulkTransition, type BulkItemResult, type BulkTarget } from '../../app/editorial/bulk-transition.ts';
import { confirmCurrent } from '../../app/editorial/confirm-current.ts';
import { renameTaxonomy, taxonomyFieldId } from '../../app/editorial/rename-taxonomy.ts';
import { restoreRevision } from '../../app/editorial/restore-revision.ts';
import { transitionContribution } from '../../app/editorial/transition-contribution.ts';
import { updateSynonyms } from '../../app/editorial/update-synonyms.ts';
import { EditorialStateSchema, contentOf } from '../../domain/contribution.ts';
import { germanMessage, type FieldError } from '../../domain/messages.ts';
import { todayInBerlin } from '../../domain/partial-date.ts';
import { taxonomyKinds, type TaxonomyKind } from '../../domain/taxonomy.ts';
import { actorLabel } from '../../domain/user.ts';
import { readSynonymSetting } from '../../search/synonyms.ts';
import { suggestTaxonomy } from '../../suggestions/suggest.ts';
import { parsePageParam } from '../app.tsx';
import { ContributionPage, RevisionPage, emptyFormState, noticeFor, type ContributionFormState } from './contribution-page.tsx';
import { CurrencyPage, currencyPath } from './currency-page.tsx';
import type { BackOfficeContext, BackOfficeDeps, BackOfficePage } from './env.ts';
import type { guardedRoutes } from './guard.ts';
import { backOfficeBase } from './layout.tsx';
import { AuditPage, OutboxPage, auditEntityTypes, auditPath, outboxPath, type AuditFilter } from './log-pages.tsx';
import { QueuePage, openStates, type QueueFilter } from './queue-page.tsx';
import { SynonymsPage, TaxonomyPage, synonymsPath, taxonomyPath, type TaxonomyEntries } from './settings-pages.tsx';
import { SUGGESTIONS_ERROR_PATH } from './suggestions-section.tsx';
import { isUuid } from '../../domain/ids.ts';

const QUEUE_PAGE_SIZE = 25;
const LIST_PAGE_SIZE = 50;
const CURRENCY_LIMIT = 50;

type Form = Record<string, string | File | Array<string | File>>;
const text = (form: Form, name: string) => (typeof form[name] === 'string' ? form[name] : '');
const texts = (form: Form, name: string) => [form[name] ?? []].flat().filter((v): v is string => typeof v === 'string');
const version = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);
/** Handlers are registered through guardedRoutes without typed paths, so a missing parameter reads as "". */
const param = (c: BackOfficeContext, name: string) => c.req.param(name) ?? '';
const pageCountOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/**
 * The editorial workflow pages: review queue, one contribution with actions, comments and
 * revisions, currency queue, taxonomy and synonyms, outbox and audit log. Handlers only read the
 * form, call one operation and render or redirect (POST → 303 → GET on success).
 */
export function registerEditorialRoutes(routes: ReturnType<typeof guardedRoutes>, deps: BackOfficeDeps, page: BackOfficePage) {
  const actorOf = (c: BackOfficeContext) => ({ id: c.var.session!.user.id, label: actorLabel(c.var.session!.user) });
  const notFound = (c: BackOfficeContext) =>
    page(
      c,
      'Nicht gefunden',
      <>
        <h1>Nicht gefunden</h1>
        <p>Diesen Beitrag oder diese Fassung gibt es nicht.</p>
        <p>
          <a href={backOfficeBase}>Zur Prüfliste</a>
        </p>
      </>,
      404,
    );

  // Review queue and bulk actions.

  const queueFilterOf = (raw: string | undefined): QueueFilter => {
    const parsed = EditorialStateSchema.safeParse(raw);
    return parsed.success ? parsed.data : 'offen';
  };

  async function queue(
    c: BackOfficeContext,
    view: { filter: QueueFilter; page: number },
    extra: { report?: { to: BulkTarget; results: BulkItemResult[] }; selectionError?: string } = {},
    status: 200 | 400 = 200,
  ) {
    const states = view.filter === 'offen' ? openStates : [view.filter];
    const [counts, first] = await Promise.all([deps.editorial.stateCounts(), deps.editorial.queue({ states, limit: QUEUE_PAGE_SIZE, offset: (view.page - 1) * QUEUE_PAGE_SIZE })]);
    const pageCount = pageCountOf(first.total, QUEUE_PAGE_SIZE);
    // A page beyond the end (e.g. after a bulk action emptied the last one) shows the last page.
    const current = view.page > pageCount ? pageCount : view.page;
    const result = current === view.page ? first : await deps.editorial.queue({ states, limit: QUEUE_PAGE_SIZE, offset: (current - 1) * QUEUE_PAGE_SIZE });
    return page(
      c,
      'Prüfliste',
      <QueuePage session={c.var.session!} filter={view.filter} page={current} pageCount={pageCount} items={result.items} total={result.total} counts={counts} {...extra} />,
      status,
      backOfficeBase,
    );
  }

  routes.get('/', 'editor', (c) => queue(c, { filter: queueFilterOf(c.req.query('zustand')), page: parsePageParam(c.req.query('seite')).page }));

  routes.post('/sammelaktion', 'editor', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const view = { filter: queueFilterOf(text(form, 'zustand')), page: parsePageParam(text(form, 'seite')).page };
    const to = bulkTargets.find((target) => target === text(form, 'aktion'));
    const items = texts(form, 'beitrag').flatMap((value) => {
      const [id = '', raw = ''] = value.split(':');
      const expectedVersion = version(raw);
      return isUuid(id) && expectedVersion !== null ? [{ id, expectedVersion }] : [];
    });
    if (!to) return queue(c, view, { selectionError: 'Bitte wählen Sie „Veröffentlichen“ oder „Archivieren“.' }, 400);
    if (items.length === 0) return queue(c, view, { selectionError: 'Bitte wählen Sie mindestens einen Beitrag aus.' }, 400);
    const results = await bulkTransition(deps, { to, items }, actorOf(c));
    return queue(c, view, { report: { to, results } });
  });

  // One contribution: overview, state changes, comments.

  async function contributionView(c: BackOfficeContext, id: string, form: ContributionFormState = emptyFormState, status: 200 | 400 | 409 = 200) {
    if (!isUuid(id)) return notFound(c);
    const [contribution, submission, comments, revisions, names] = await Promise.all([
      deps.contributions.get(id),
      deps.editorial.submissionOf(id),
      deps.editorial.comments(id),
      deps.contributions.revisions(id),
      deps.taxonomy.names(),
    ]);
    if (!contribution || !submission) return notFound(c);
    // A hint for editors: when finding duplicates fails, the page still serves its main purpose.
    const duplicates = await findDuplicates(deps, contentOf(contribution), id).catch((error: unknown) => {
      console.error('Dubletten konnten nicht gesucht werden', error);
      return [];
    });
    return page(
      c,
      `Beitrag: ${contribution.title}`,
      <ContributionPage
        session={c.var.session!}
        contribution={contribution}
        reference={submission.reference}
        submitter={submission.submitter}
        comments={comments}
        revisions={revisions}
        notice={status === 200 ? noticeFor(c.req.query('erledigt')) : null}
        form={form}
        suggestions={suggestTaxonomy(contribution)}
        names={names}
        duplicates={duplicates}
      />,
      status,
      backOfficeBase,
    );
  }

  routes.get('/beitraege/:id', 'editor', (c) => contributionView(c, param(c, 'id')));

  routes.post('/beitraege/:id/zustand', 'editor', async (c) => {
    const id = param(c, 'id');
    if (!isUuid(id)) return notFound(c);
    const form = await c.req.parseBody();
    const reason = text(form, 'reason');
    const to = EditorialStateSchema.safeParse(text(form, 'ziel'));
    const expectedVersion = version(text(form, 'version'));
    const fail = (path: string, code: string, status: 400 | 409) => contributionView(c, id, { ...emptyFormState, reason, errors: [{ path, code, message: germanMessage(code) }] }, status);
    if (!to.success || expectedVersion === null) return fail('naechste-schritte', 'transition_not_allowed', 400);
    const outcome = await transitionContribution(deps, { id, expectedVersion, to: to.data, reason }, actorOf(c));
    if (outcome.ok) return c.redirect(`${backOfficeBase}/beitraege/${id}?erledigt=${to.data}`, 303);
    if (outcome.code === 'not_found') return notFound(c);
    const onReason = outcome.code === 'rejection_reason_required' || outcome.code === 'too_long';
    return fail(onReason ? 'reason' : 'naechste-schritte', outcome.code, outcome.code === 'version_conflict' ? 409 : 400);
  });

  routes.post('/beitraege/:id/kommentare', 'editor', async (c) => {
    const id = param(c, 'id');
    if (!isUuid(id)) return notFound(c);
    const form = await c.req.parseBody();
    const comment = { body: text(form, 'body'), toSubmitter: text(form, 'toSubmitter') === 'ja' };
    const outcome = await addComment(deps, { contributionId: id, ...comment }, actorOf(c));
    if (outcome.ok) return c.redirect(`${backOfficeBase}/beitraege/${id}?erledigt=kommentar#kommentare`, 303);
    return contributionView(c, id, { ...emptyFormState, comment, errors: outcome.errors }, 400);
  });

  // Suggested classification: applied only when the editor confirms the chosen ones.
  routes.post('/beitraege/:id/einordnung', 'editor', async (c) => {
    const id = param(c, 'id');
    if (!isUuid(id)) return notFound(c);
    const form = await c.req.parseBody({ all: true });
    const expectedVersion = version(text(form, 'version'));
    // Anything but a number becomes -1, which the operation refuses as invalid.
    const numbers = (name: string) => texts(form, name).map((v) => (/^\d{1,2}$/.test(v) ? Number(v) : -1));
    const selection = { leitbildArea: text(form, 'bereich') || null, leitsaetze: numbers('leitsatz'), sdgs: numbers('sdg') };
    const fail = (code: string, status: 400 | 409) =>
      contributionView(c, id, { ...emptyFormState, suggestions: selection, errors: [{ path: SUGGESTIONS_ERROR_PATH, code, message: germanMessage(code) }] }, status);
    if (expectedVersion === null) return fail('suggestion_invalid', 400);
    const outcome = await applySuggestions(deps, { id, expectedVersion, ...selection }, actorOf(c));
    if (outcome.ok) return c.redirect(`${backOfficeBase}/beitraege/${id}?erledigt=${outcome.changed ? 'eingeordnet' : 'unveraendert'}#vorschlaege`, 303);
    if (outcome.code === 'not_found') return notFound(c);
    return fail(outcome.code, outcome.code === 'version_conflict' ? 409 : 400);
  });

  // Revisions: diff against the previous one, restore.

  async function revisionView(c: BackOfficeContext, id: string, rawVersion: string, errors: FieldError[] = [], status: 200 | 400 | 409 = 200) {
    const number = version(rawVersion);
    if (!isUuid(id) || number === null) return notFound(c);
    const [contribution, revision] = await Promise.all([deps.contributions.get(id), deps.contributions.revision(id, number)]);
    if (!contribution || !revision) return notFound(c);
    return page(c, `Fassung ${number}: ${contribution.title}`, <RevisionPage session={c.var.session!} contribution={contribution} revision={revision} errors={errors} />, status, backOfficeBase);
  }

  routes.get('/beitraege/:id/versionen/:version', 'editor', (c) => revisionView(c, param(c, 'id'), param(c, 'version')));

  routes.post('/beitraege/:id/versionen/:version/wiederherstellen', 'editor', async (c) => {
    const id = param(c, 'id');
    const number = version(param(c, 'version'));
    const expectedVersion = version(text(await c.req.parseBody(), 'version'));
    if (!isUuid(id) || number === null || expectedVersion === null) return notFound(c);
    const outcome = await restoreRevision(deps, { id, version: number, expectedVersion }, actorOf(c));
    if (outcome.ok) return c.redirect(`${backOfficeBase}/beitraege/${id}?erledigt=wiederhergestellt-${number}`, 303);
    if (outcome.code === 'not_found' || outcome.code === 'revision_not_found') return notFound(c);
    const error = { path: 'wiederherstellen', code: outcome.code, message: germanMessage(outcome.code) };
    return revisionView(c, id, String(number), [error], outcome.code === 'version_conflict' ? 409 : 400);
  });

  // Currency queue.

  routes.get('/aktualitaet', 'editor', async (c) => {
    const lists = await deps.editorial.currency({ today: todayInBerlin(), limit: CURRENCY_LIMIT });
    return page(c, 'Aktualität', <CurrencyPage session={c.var.session!} {...lists} confirmed={c.req.query('geprueft') === '1'} />, 200, currencyPath);
  });

  routes.post('/aktualitaet/geprueft', 'editor', async (c) => {
    const id = text(await c.req.parseBody(), 'id');
    if (!isUuid(id) || !(await confirmCurrent(deps, { id }, actorOf(c))).ok) return notFound(c);
    return c.redirect(`${currencyPath}?geprueft=1`, 303);
  });

  // Taxonomy names and search synonyms.

  async function taxonomyView(c: BackOfficeContext, state: { errors: FieldError[]; kind?: TaxonomyKind; typed?: Map<string, string> } = { errors: [] }, status: 200 | 400 = 200) {
    const names = await deps.taxonomy.names();
    const entries = Object.fromEntries(
      taxonomyKinds.map((kind) => [
        kind,
        [...names[kind]].map(([key, name]) => ({ id: String(key), name: (kind === state.kind ? state.typed?.get(String(key)) : undefined) ?? name })),
      ]),
    ) as TaxonomyEntries;
    const renamed = c.req.query('geaendert');
    return page(
      c,
      'Taxonomie',
      <TaxonomyPage session={c.var.session!} entries={entries} errors={state.errors} renamed={status === 200 && renamed && /^\d+$/.test(renamed) ? Number(renamed) : null} />,
      status,
      taxonomyPath,
    );
  }

  routes.get('/taxonomie', 'editor', (c) => taxonomyView(c));

  routes.post('/taxonomie', 'editor', async (c) => {
    const form = await c.req.parseBody();
    const kind = taxonomyKinds.find((k) => k === text(form, 'art'));
    if (!kind) return taxonomyView(c, { errors: [] }, 400);
    const ids = [...(await deps.taxonomy.names())[kind].keys()].map(String);
    const names = ids.filter((id) => typeof form[taxonomyFieldId(kind, id)] === 'string').map((id) => ({ id, name: text(form, taxonomyFieldId(kind, id)) }));
    const outcome = await renameTaxonomy(deps, { kind, names }, actorOf(c));
    if (outcome.ok) return c.redirect(`${taxonomyPath}?geaendert=${outcome.renamed}#${kind}`, 303);
    return taxonomyView(c, { errors: outcome.errors, kind, typed: new Map(names.map((n) => [n.id, n.name])) }, 400);
  });

  routes.get('/synonyme', 'editor', async (c) => {
    const { text: current } = await readSynonymSetting(deps.settings);
    const saved = c.req.query('gespeichert');
    return page(
      c,
      'Suchsynonyme',
      <SynonymsPage session={c.var.session!} text={current} errors={[]} saved={saved === 'geaendert' || saved === 'unveraendert' ? saved : null} />,
      200,
      synonymsPath,
    );
  });

  routes.post('/synonyme', 'editor', async (c) => {
    const typed = text(await c.req.parseBody(), 'synonyms');
    const outcome = await updateSynonyms(deps, { text: typed }, actorOf(c));
    if (outcome.ok) return c.redirect(`${synonymsPath}?gespeichert=${outcome.changed ? 'geaendert' : 'unveraendert'}`, 303);
    return page(c, 'Suchsynonyme', <SynonymsPage session={c.var.session!} text={typed} errors={outcome.errors} saved={null} />, 400, synonymsPath);
  });

  // Outbox and audit log.

  routes.get('/postausgang', 'editor', async (c) => {
    const current = parsePageParam(c.req.query('seite')).page;
    const [list, unsent] = await Promise.all([
      deps.outbox.list({ limit: LIST_PAGE_SIZE, offset: (current - 1) * LIST_PAGE_SIZE }),
      deps.outbox.list({ limit: 0, offset: 0, unsentOnly: true }),
    ]);
    return page(c, 'Postausgang', <OutboxPage items={list.items} total={list.total} unsent={unsent.total} page={current} pageCount={pageCountOf(list.total, LIST_PAGE_SIZE)} />, 200, outboxPath);
  });

  routes.get('/protokoll', 'admin', async (c) => {
    const type = c.req.query('bereich') ?? '';
    const filter: AuditFilter = { entityType: Object.hasOwn(auditEntityTypes, type) ? type : '', entityId: (c.req.query('kennung') ?? '').trim().slice(0, 200) };
    const current = parsePageParam(c.req.query('seite')).page;
    const log = await deps.auditLog.list({ limit: LIST_PAGE_SIZE, offset: (current - 1) * LIST_PAGE_SIZE, entityType: filter.entityType || undefined, entityId: filter.entityId || undefined });
    return page(c, 'Protokoll', <AuditPage items={log.items} total={log.total} filter={filter} page={current} pageCount={pageCountOf(log.total, LIST_PAGE_SIZE)} />, 200, auditPath);
  });
}
