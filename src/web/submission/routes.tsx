import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Child } from 'hono/jsx';
import { germanMessage, type FieldError } from '../../domain/messages.ts';
import type { SubmissionDeps } from '../../app/submissions/deps.ts';
import { openDraft, type OpenedDraft } from '../../app/submissions/open-draft.ts';
import { MAX_DOCUMENT_BYTES, readSubmittedDocument } from '../../app/submissions/read-document.ts';
import { saveDraftStep } from '../../app/submissions/save-draft-step.ts';
import { startDraft } from '../../app/submissions/start-draft.ts';
import { submitDraft } from '../../app/submissions/submit-draft.ts';
import type { Draft } from '../../storage/drafts-repository.ts';
import { clientAddress } from '../client-address.ts';
import { ACTION_FIELD } from '../forms/components.tsx';
import { fieldId, itemPath } from '../forms/definition.ts';
import { toValues, validateForm } from '../forms/mapping.ts';
import { maxItems } from '../forms/schema-info.ts';
import { addRow, fillBlank, mergeValues, parseAction, readPosted, removeRow, type FormValues, type PostedBody } from '../forms/values.ts';
import type { PageMeta } from '../layout.tsx';
import {
  ConfirmationPage,
  ExpiredPage,
  HONEYPOT_FIELD,
  NeutralPage,
  RETURN_FIELD,
  RateLimitedPage,
  ReviewPage,
  SavedPage,
  StartPage,
  StepPage,
  TooLargePage,
  UnknownDraftPage,
  draftPath,
  megabytes,
  stepPath,
  submissionBase,
  type StepPageProps,
} from './pages.tsx';
import { allItems, findStep, reviewStep, submissionSchema, submissionSteps, type SubmissionStep } from './steps.ts';

type Status = 200 | 400 | 404 | 410 | 413 | 429;

/** What the routes borrow from the web app: its page frame, its script and its absolute URLs. */
export interface SubmissionPageKit {
  render: (c: Context, meta: PageMeta, content: Child, status?: Status) => Promise<Response>;
  /** Versioned URLs of the scripts that enhance the form (error summary focus). */
  scripts: string[];
  absoluteUrl: (c: Context, path: string) => string;
}

/** A document may be MAX_DOCUMENT_BYTES; the rest of the form needs far less than the extra megabyte. */
export const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 1024 * 1024;

const single = (value: PostedBody[string] | undefined): string => (typeof value === 'string' ? value : Array.isArray(value) ? (value.find((v) => typeof v === 'string') ?? '') : '');

/**
 * The public questionnaire under /einreichen. Handlers stay thin: they read the form, call one
 * operation of src/app/submissions and pick the page. Every page works without JavaScript.
 */
export function createSubmissionRoutes(deps: SubmissionDeps, kit: SubmissionPageKit): Hono {
  const app = new Hono();

  const page = (c: Context, title: string, content: Child, status: Status = 200, indexable = false) => {
    // Draft pages carry personal data and a secret link: never cached anywhere.
    c.header('Cache-Control', 'no-store');
    const meta: PageMeta = {
      title,
      description: 'Ein Projekt im Nachhaltigkeitsbaukasten Hessen einreichen.',
      canonicalUrl: kit.absoluteUrl(c, indexable ? c.req.path : submissionBase),
      noindex: !indexable,
      scripts: kit.scripts,
    };
    return kit.render(c, meta, content, status);
  };

  app.post(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        const match = /^\/einreichen\/entwurf\/([A-Za-z0-9_-]{43})\/([a-z-]{1,30})$/.exec(c.req.path);
        const backUrl = match && findStep(match[2]!) ? stepPath(match[1]!, match[2]!) : null;
        return page(c, 'Zu große Datenmenge', <TooLargePage limit={megabytes(MAX_BODY_BYTES)} backUrl={backUrl} />, 413);
      },
    }),
  );

  app.get('/', (c) => page(c, 'Projekt einreichen', <StartPage />, 200, true));

  app.post('/', async (c) => {
    const body = (await c.req.parseBody({ all: true })) as PostedBody;
    const outcome = await startDraft(deps, { clientAddress: clientAddress(c), honeypot: single(body[HONEYPOT_FIELD]), firstStep: submissionSteps[0]!.id });
    if (outcome.ok) return c.redirect(stepPath(outcome.token, submissionSteps[0]!.id), 303);
    if (outcome.code === 'bot') return page(c, 'Vielen Dank', <NeutralPage />);
    return page(c, 'Bitte später versuchen', <RateLimitedPage what="start" />, 429);
  });

  /** The answer for a link that cannot be edited (any more). */
  const notOpen = (c: Context, token: string, opened: Exclude<OpenedDraft, { state: 'open' }>) => {
    if (opened.state === 'unknown') return page(c, 'Entwurf nicht gefunden', <UnknownDraftPage />, 404);
    if (opened.state === 'expired') return page(c, 'Entwurf abgelaufen', <ExpiredPage />, 410);
    return c.redirect(draftPath(token), 303);
  };

  app.get('/entwurf/:token', async (c) => {
    const token = c.req.param('token');
    const opened = await openDraft(deps, token);
    if (opened.state === 'submitted') return page(c, 'Beitrag eingegangen', <ConfirmationPage reference={opened.reference} />);
    if (opened.state !== 'open') return notOpen(c, token, opened);
    return c.redirect(stepPath(token, findStep(opened.draft.step)?.id ?? submissionSteps[0]!.id), 303);
  });

  const resumeProps = (c: Context, token: string, draft: Draft) => ({ token, resumeUrl: kit.absoluteUrl(c, draftPath(token)), expiresAt: draft.expiresAt });

  const showStep = (c: Context, props: Omit<StepPageProps, 'resumeUrl' | 'expiresAt' | 'token'>, token: string, draft: Draft, status: Status = 200) =>
    page(c, `${props.errors.length > 0 ? 'Fehler: ' : ''}${props.step.title} – Projekt einreichen`, <StepPage {...resumeProps(c, token, draft)} {...props} />, status);

  const showReview = (c: Context, token: string, draft: Draft, values: FormValues, errors: FieldError[], status: Status = 200, problem?: string) =>
    page(
      c,
      `${errors.length > 0 || problem ? 'Fehler: ' : ''}${reviewStep.title} – Projekt einreichen`,
      <ReviewPage {...resumeProps(c, token, draft)} values={values} errors={errors} problem={problem} />,
      status,
    );

  app.get('/entwurf/:token/:step', async (c) => {
    const token = c.req.param('token');
    const step = findStep(c.req.param('step'));
    const opened = await openDraft(deps, token);
    if (opened.state !== 'open') return notOpen(c, token, opened);
    if (!step) return c.notFound();
    const { draft } = opened;
    if (step === reviewStep) return showReview(c, token, draft, draft.values, []);
    // Coming from the review page, the step shows at once what still needs attention.
    const returnToReview = c.req.query('von') === reviewStep.id;
    const errors = returnToReview ? validateForm(submissionSchema, step.items, draft.values).errors : [];
    return showStep(c, { step, values: draft.values, errors, returnToReview }, token, draft);
  });

  app.post('/entwurf/:token/:step', async (c) => {
    const token = c.req.param('token');
    const step = findStep(c.req.param('step'));
    const opened = await openDraft(deps, token);
    if (opened.state !== 'open') return notOpen(c, token, opened);
    if (!step) return c.notFound();
    const body = (await c.req.parseBody({ all: true })) as PostedBody;
    const { draft } = opened;
    const posted = readPosted(step.items, body, (group) => maxItems(submissionSchema, group.name));
    const values = mergeValues(draft.values, step.items, posted);
    const action = parseAction(step.items, single(body[ACTION_FIELD]) || undefined, 'weiter');
    const returnToReview = single(body[RETURN_FIELD]) === reviewStep.id;
    const here = `${stepPath(token, step.id)}${returnToReview ? `?von=${reviewStep.id}` : ''}`;

    /** Saves and answers; a draft closed in the meantime (submitted, expired) shows why instead. */
    const save = async (next: FormValues, resumeAt: string, respond: (saved: Draft) => Response | Promise<Response>) => {
      const saved = await saveDraftStep(deps, draft, { values: next, step: resumeAt });
      return saved.ok ? respond(saved.draft) : c.redirect(draftPath(token), 303);
    };

    if (action.type === 'add') {
      const added = addRow(values, action.group);
      return save(added.values, step.id, () => c.redirect(`${here}#${fieldId(itemPath(action.group, added.index))}`, 303));
    }
    if (action.type === 'remove') {
      return save(removeRow(values, action.group, action.index), step.id, () => c.redirect(`${here}#${fieldId(action.group.name)}`, 303));
    }
    if (step === reviewStep) return submit(c, token, draft, values, body, action.name);

    const file = body.dokument;
    if (step.upload && (action.name === 'hochladen' || (file instanceof File && file.size > 0))) {
      return upload(c, token, draft, step, values, file instanceof File && file.size > 0 ? file : null, returnToReview);
    }
    const index = submissionSteps.indexOf(step);
    if (action.name === 'zurueck') return save(values, submissionSteps[Math.max(0, index - 1)]!.id, () => c.redirect(stepPath(token, submissionSteps[Math.max(0, index - 1)]!.id), 303));
    if (action.name === 'speichern') {
      return save(values, step.id, (saved) => page(c, 'Entwurf gespeichert', <SavedPage {...resumeProps(c, token, saved)} stepId={step.id} />));
    }
    const { errors } = validateForm(submissionSchema, step.items, values);
    if (errors.length > 0) return save(values, step.id, (saved) => showStep(c, { step, values, errors, returnToReview }, token, saved, 400));
    const next = returnToReview ? reviewStep : (submissionSteps[index + 1] ?? reviewStep);
    return save(values, next.id, () => c.redirect(stepPath(token, next.id), 303));
  });

  /** Reads an uploaded document into the fields nobody has typed into yet; the reader checks the result. */
  async function upload(c: Context, token: string, draft: Draft, step: SubmissionStep, values: FormValues, file: File | null, returnToReview: boolean) {
    const fail = async (error: FieldError) => {
      const saved = await saveDraftStep(deps, draft, { values, step: step.id });
      if (!saved.ok) return c.redirect(draftPath(token), 303);
      return showStep(c, { step, values, errors: [error], returnToReview }, token, saved.draft, 400);
    };
    if (!file) return fail({ path: 'dokument', code: 'document_missing', message: germanMessage('document_missing') });
    const parsed = await readSubmittedDocument(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!parsed.ok) return fail({ path: 'dokument', code: parsed.code, message: parsed.reason });
    const { values: filled, filled: count } = fillBlank(allItems, values, toValues(allItems, parsed.content));
    const saved = await saveDraftStep(deps, draft, { values: filled, step: step.id });
    if (!saved.ok) return c.redirect(draftPath(token), 303);
    const notice = (
      <>
        <p>
          Aus „{parsed.sourceFile}“ wurden {count === 1 ? 'eine Angabe' : `${count} Angaben`} übernommen. Bitte prüfen Sie sie, auch auf den folgenden
          Schritten. Was Sie schon eingetragen hatten, blieb unverändert.
        </p>
        {parsed.warnings.length > 0 ? (
          <ul>
            {parsed.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        ) : null}
      </>
    );
    return showStep(c, { step, values: filled, errors: [], returnToReview, notice }, token, saved.draft);
  }

  /** The review step's buttons: back, or submit everything. */
  async function submit(c: Context, token: string, draft: Draft, values: FormValues, body: PostedBody, action: string) {
    const saved = await saveDraftStep(deps, draft, { values, step: action === 'zurueck' ? submissionSteps[submissionSteps.length - 1]!.id : reviewStep.id });
    if (!saved.ok) return c.redirect(draftPath(token), 303);
    if (action === 'zurueck') return c.redirect(stepPath(token, submissionSteps[submissionSteps.length - 1]!.id), 303);
    const validation = validateForm(submissionSchema, allItems, values);
    if (!validation.data) return showReview(c, token, saved.draft, values, validation.errors, 400, validation.errors.length === 0 ? 'Die Angaben sind unvollständig. Bitte prüfen Sie alle Schritte.' : undefined);
    const { submitter, privacyConsent: _consent, ...content } = validation.data;
    const outcome = await submitDraft(deps, { token, content, submitter, honeypot: single(body[HONEYPOT_FIELD]), clientAddress: clientAddress(c) });
    if (outcome.ok) return c.redirect(draftPath(token), 303);
    switch (outcome.code) {
      case 'bot':
        return page(c, 'Vielen Dank', <NeutralPage />);
      case 'too_fast':
        return showReview(c, token, saved.draft, values, [], 400, 'Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben noch einmal und senden Sie sie dann erneut ab.');
      case 'rate_limited':
        return page(c, 'Bitte später versuchen', <RateLimitedPage what="submit" draftUrl={stepPath(token, reviewStep.id)} />, 429);
      default:
        return c.redirect(draftPath(token), 303);
    }
  }

  return app;
}
