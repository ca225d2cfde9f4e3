import type { Child, FC } from 'hono/jsx';
import { DRAFT_TTL_MS } from '../../app/submissions/deps.ts';
import { MAX_DOCUMENT_BYTES } from '../../app/submissions/read-document.ts';
import type { FieldError } from '../../domain/messages.ts';
import { ErrorSummary, FormItems, errorLinks, ACTION_FIELD, type FormView } from '../forms/components.tsx';
import { ValuesSummary } from '../forms/summary.tsx';
import type { FormValues } from '../forms/values.ts';
import { allItems, reviewStep, submissionSchema, submissionSteps, stepOfPath, type SubmissionStep } from './steps.ts';

export const submissionBase = '/einreichen';
export const draftPath = (token: string) => `${submissionBase}/entwurf/${token}`;
export const stepPath = (token: string, stepId: string) => `${draftPath(token)}/${stepId}`;

/** Name of the honeypot field: people never see it, form-filling scripts tend to fill it. */
export const HONEYPOT_FIELD = 'zusatz';
/** Hidden field that sends the reader back to the review page after changing a step. */
export const RETURN_FIELD = '_zurueck_zu';

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const draftDays = Math.round(DRAFT_TTL_MS / (24 * 60 * 60_000));

const berlinDate = (iso: string) => new Date(iso).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long', year: 'numeric' });

/** Visually hidden and hidden from assistive technology; not reachable with the keyboard. */
export const Honeypot: FC = () => (
  <div class="honeypot" aria-hidden="true">
    <label for={HONEYPOT_FIELD}>Dieses Feld bitte leer lassen</label>
    <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} value="" tabindex={-1} autocomplete="off" />
  </div>
);

/** The secret link, shown on every step so nobody loses their draft. */
const ResumeLink: FC<{ url: string; expiresAt: string }> = ({ url, expiresAt }) => (
  <section class="resume" aria-labelledby="weitermachen-titel">
    <h2 id="weitermachen-titel">Später weitermachen</h2>
    <p>
      Ihre Angaben werden bei jedem Klick auf „Weiter“, „Zurück“ oder „Speichern“ gespeichert. Mit diesem persönlichen Link können Sie bis zum{' '}
      {berlinDate(expiresAt)} weitermachen; jede Änderung verlängert die Frist um {draftDays} Tage:
    </p>
    <p class="resume-url">
      <a href={url}>{url}</a>
    </p>
    <p>Behandeln Sie den Link wie ein Passwort: Wer ihn kennt, kann Ihren Entwurf sehen und ändern.</p>
  </section>
);

const StepCaption: FC<{ step: SubmissionStep }> = ({ step }) => {
  const position = submissionSteps.indexOf(step) + 1 || submissionSteps.length + 1;
  return (
    <p class="caption">
      Schritt {position} von {submissionSteps.length + 1}
    </p>
  );
};

export interface StepPageProps {
  step: SubmissionStep;
  token: string;
  resumeUrl: string;
  expiresAt: string;
  values: FormValues;
  errors: readonly FieldError[];
  /** After "Ändern" on the review page, "Weiter" leads back there. */
  returnToReview: boolean;
  /** A status message, e.g. after a document was read. */
  notice?: Child;
}

export const StepPage: FC<StepPageProps> = (props) => {
  const { step, token } = props;
  const view: FormView = { values: props.values, errors: props.errors, schema: submissionSchema };
  const index = submissionSteps.indexOf(step);
  const uploadError = props.errors.find((e) => e.path === 'dokument')?.message;
  const fieldErrors = props.errors.filter((e) => e.path !== 'dokument');
  const summary = [...(uploadError ? [{ href: '#dokument', text: `Dokument: ${uploadError}` }] : []), ...errorLinks(step.items, fieldErrors)];
  const last = index === submissionSteps.length - 1;
  return (
    <div class="submission">
      <ErrorSummary errors={summary} />
      <StepCaption step={step} />
      <h1>{step.title}</h1>
      {step.intro ? <p class="lead">{step.intro}</p> : null}
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}
        </div>
      ) : null}
      <form method="post" action={stepPath(token, step.id)} novalidate enctype={step.upload ? 'multipart/form-data' : undefined} class="submission-form">
        {/* Enter in a text field presses the first submit button: that must be "Weiter", not "entfernen". */}
        <button type="submit" name={ACTION_FIELD} value="weiter" class="default-action" tabindex={-1} aria-hidden="true">
          Weiter
        </button>
        {props.returnToReview ? <input type="hidden" name={RETURN_FIELD} value={reviewStep.id} /> : null}
        {step.upload ? <Upload error={uploadError} /> : null}
        <FormItems items={step.items} view={view} />
        <div class="form-actions">
          <button type="submit" name={ACTION_FIELD} value="weiter">
            {props.returnToReview ? 'Weiter zur Prüfung' : last ? 'Weiter zur Prüfung' : 'Weiter'}
          </button>
          {index > 0 ? (
            <button type="submit" name={ACTION_FIELD} value="zurueck" class="button-secondary">
              Zurück
            </button>
          ) : null}
          <button type="submit" name={ACTION_FIELD} value="speichern" class="button-secondary">
            Speichern und später weitermachen
          </button>
        </div>
      </form>
      <ResumeLink url={props.resumeUrl} expiresAt={props.expiresAt} />
    </div>
  );
};


const Upload: FC<{ error?: string }> = ({ error }) => (
  <fieldset class={error ? 'section upload field-error' : 'section upload'} aria-describedby={error ? 'dokument-hint dokument-error' : 'dokument-hint'}>
    <legend>Vorhandenes Dokument übernehmen (freiwillig)</legend>
    <p class="hint" id="dokument-hint">
      Haben Sie schon ein ausgefülltes Frageformular oder einen Projektsteckbrief als Word-Datei, PDF, Webseite oder Textdatei (.docx, .pdf, .html, .txt oder .md, höchstens {megabytes(MAX_DOCUMENT_BYTES)})?
      Dann übernehmen wir die Angaben in die Felder, und Sie prüfen sie. Was Sie schon eingetragen haben, bleibt erhalten.
    </p>
    {error ? (
      <p class="error-message" id="dokument-error">
        <span class="visually-hidden">Fehler:</span> {error}
      </p>
    ) : null}
    <div class="field">
      <label for="dokument">Dokument auswählen</label>
      <input type="file" id="dokument" name="dokument" accept=".docx,.pdf,.html,.htm,.txt,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/html,text/plain,text/markdown" aria-invalid={error ? 'true' : undefined} />
    </div>
    <button type="submit" name={ACTION_FIELD} value="hochladen" class="button-secondary">
      Dokument hochladen und Felder ausfüllen
    </button>
  </fieldset>
);

export interface ReviewPageProps {
  token: string;
  resumeUrl: string;
  expiresAt: string;
  values: FormValues;
  errors: readonly FieldError[];
  /** A problem that belongs to no field (e.g. sent too fast). */
  problem?: string;
}

export const ReviewPage: FC<ReviewPageProps> = (props) => {
  const { token } = props;
  const view: FormView = { values: props.values, errors: props.errors, schema: submissionSchema };
  // Errors of other steps link to the field on its own page; the consent is on this one.
  const summary = [
    ...(props.problem ? [{ href: '#absenden', text: props.problem }] : []),
    ...errorLinks(allItems, props.errors, (path) => {
      const step = stepOfPath(path);
      return step && step !== reviewStep ? `${stepPath(token, step.id)}?von=${reviewStep.id}` : '';
    }),
  ];
  return (
    <div class="submission">
      <ErrorSummary errors={summary} />
      <StepCaption step={reviewStep} />
      <h1>{reviewStep.title}</h1>
      <p class="lead">Bitte prüfen Sie Ihre Angaben. Mit „Ändern“ kommen Sie zum jeweiligen Schritt und danach hierher zurück.</p>
      {submissionSteps.map((step) => (
        <section class="review-section" aria-labelledby={`pruefen-${step.id}`}>
          <div class="review-heading">
            <h2 id={`pruefen-${step.id}`}>{step.title}</h2>
            <a href={`${stepPath(token, step.id)}?von=${reviewStep.id}`}>
              Ändern<span class="visually-hidden">: {step.title}</span>
            </a>
          </div>
          <ValuesSummary items={step.items} values={props.values} />
        </section>
      ))}
      <form method="post" action={stepPath(token, reviewStep.id)} novalidate class="submission-form" id="absenden">
        <h2>Einwilligung und Absenden</h2>
        <FormItems items={reviewStep.items} view={view} />
        <p>
          Wie wir mit Ihren Angaben umgehen, steht in der <a href="/datenschutz">Datenschutzerklärung</a>.
        </p>
        <Honeypot />
        <div class="form-actions">
          <button type="submit" name={ACTION_FIELD} value="absenden">
            Verbindlich einreichen
          </button>
          <button type="submit" name={ACTION_FIELD} value="zurueck" class="button-secondary">
            Zurück
          </button>
        </div>
      </form>
      <ResumeLink url={props.resumeUrl} expiresAt={props.expiresAt} />
    </div>
  );
};

export const StartPage: FC = () => (
  <div class="submission">
    <h1>Projekt einreichen</h1>
    <p class="lead">
      Ihre Kommune hat ein Projekt umgesetzt, von dem andere lernen können? Stellen Sie es im Nachhaltigkeitsbaukasten vor – ohne Word-Datei und
      E-Mail, direkt hier im Formular.
    </p>
    <h2>So geht es</h2>
    <ol>
      {[...submissionSteps, reviewStep].map((step) => (
        <li>{step.title}</li>
      ))}
    </ol>
    <p>
      Pflicht sind nur der Titel des Projekts sowie Ihr Name und Ihre E-Mail-Adresse. Je mehr Sie von Ihren Erfahrungen erzählen, desto mehr
      nützt der Beitrag anderen Kommunen. Haben Sie schon ein Frageformular oder einen Projektsteckbrief als Word-Datei, PDF oder Textdatei (bis {megabytes(MAX_DOCUMENT_BYTES)}), können
      Sie es im zweiten Schritt hochladen und die übernommenen Angaben prüfen.
    </p>
    <p>
      Ihre Angaben werden nach jedem Schritt als Entwurf gespeichert. Mit einem persönlichen Link können Sie {draftDays} Tage lang weitermachen.
      Nach dem Absenden prüft die Redaktion Ihren Beitrag, bevor er veröffentlicht wird.
    </p>
    <h2>Datenschutz</h2>
    <p>
      Ihr Name und Ihre E-Mail-Adresse werden nicht veröffentlicht. Kontaktdaten von Ansprechpartner*innen erscheinen nur mit deren
      ausdrücklicher Einwilligung. Einzelheiten in der <a href="/datenschutz">Datenschutzerklärung</a>.
    </p>
    <form method="post" action={submissionBase} class="submission-form">
      <Honeypot />
      <button type="submit">Einreichung beginnen</button>
    </form>
  </div>
);

export const SavedPage: FC<{ token: string; resumeUrl: string; expiresAt: string; stepId: string }> = ({ token, resumeUrl, expiresAt, stepId }) => (
  <div class="submission">
    <h1>Ihr Entwurf ist gespeichert</h1>
    <p>Sie können jederzeit mit diesem persönlichen Link weitermachen. Speichern Sie ihn als Lesezeichen oder kopieren Sie ihn in eine Notiz:</p>
    <p class="resume-url">
      <a href={resumeUrl}>{resumeUrl}</a>
    </p>
    <p>
      Der Entwurf bleibt bis zum {berlinDate(expiresAt)} erhalten; jede Änderung verlängert die Frist. Behandeln Sie den Link wie ein Passwort: Wer
      ihn kennt, kann Ihren Entwurf sehen und ändern.
    </p>
    <p>
      <a href={stepPath(token, stepId)}>Jetzt weiter ausfüllen</a>
    </p>
  </div>
);

export const ConfirmationPage: FC<{ reference: string }> = ({ reference }) => (
  <div class="submission">
    <div class="panel">
      <h1>Vielen Dank, Ihr Beitrag ist eingegangen</h1>
      <p>
        Ihre Vorgangsnummer
        <br />
        <strong class="reference">{reference}</strong>
      </p>
    </div>
    <h2>Wie es weitergeht</h2>
    <ol>
      <li>Sie erhalten eine Eingangsbestätigung mit der Vorgangsnummer per E-Mail.</li>
      <li>Die Redaktion prüft Ihren Beitrag und meldet sich bei Rückfragen unter Ihrer E-Mail-Adresse.</li>
      <li>Nach der Prüfung erscheint der Beitrag im Katalog, sofern er zum Nachhaltigkeitsbaukasten passt. Darüber informieren wir Sie.</li>
    </ol>
    <p>Bitte nennen Sie bei Fragen Ihre Vorgangsnummer. Ihr Entwurf kann nicht mehr geändert werden; Änderungswünsche schicken Sie bitte an die Redaktion.</p>
    <p>
      <a href={submissionBase}>Ein weiteres Projekt einreichen</a> · <a href="/">Zur Startseite</a>
    </p>
  </div>
);

const StartAgain: FC = () => (
  <p>
    <a href={submissionBase}>Neue Einreichung beginnen</a>
  </p>
);

export const MessagePage: FC<{ title: string; children?: Child }> = ({ title, children }) => (
  <div class="submission">
    <h1>{title}</h1>
    {children}
  </div>
);

export const ExpiredPage: FC = () => (
  <MessagePage title="Dieser Entwurf ist abgelaufen">
    <p>
      Entwürfe werden {draftDays} Tage nach der letzten Änderung gelöscht, damit keine persönlichen Daten liegen bleiben. Die Angaben aus diesem
      Entwurf sind deshalb nicht mehr verfügbar.
    </p>
    <p>Sie können jederzeit neu beginnen. Haben Sie Ihre Angaben als Frageformular oder Projektsteckbrief als Word-Datei, PDF oder Textdatei, laden Sie sie im zweiten Schritt hoch – das spart Tipparbeit.</p>
    <StartAgain />
  </MessagePage>
);

export const UnknownDraftPage: FC = () => (
  <MessagePage title="Entwurf nicht gefunden">
    <p>
      Zu diesem Link gibt es keinen Entwurf. Bitte prüfen Sie, ob Sie den Link vollständig kopiert haben – er ist lang und endet nicht mit einem
      Punkt. Entwürfe, die vor langer Zeit abgelaufen sind, werden ganz gelöscht.
    </p>
    <StartAgain />
  </MessagePage>
);

export const RateLimitedPage: FC<{ draftUrl?: string; what: 'start' | 'submit' }> = ({ draftUrl, what }) => (
  <MessagePage title="Bitte versuchen Sie es später noch einmal">
    <p>
      {what === 'submit'
        ? 'Von Ihrem Internetanschluss wurden in der letzten Stunde schon mehrere Beiträge eingereicht. Zum Schutz vor automatisierten Einsendungen nehmen wir weitere erst in einer Stunde an.'
        : 'Von Ihrem Internetanschluss wurden in der letzten Stunde sehr viele Einreichungen begonnen. Zum Schutz vor automatisierten Einsendungen können Sie erst in einer Stunde eine neue beginnen.'}
    </p>
    {draftUrl ? (
      <p>
        Ihr Entwurf bleibt gespeichert: <a href={draftUrl}>zurück zu Ihrem Entwurf</a>.
      </p>
    ) : null}
  </MessagePage>
);

/** What a rejected bot sees: nothing that tells it why. */
export const NeutralPage: FC = () => (
  <MessagePage title="Vielen Dank">
    <p>Ihre Anfrage wurde bearbeitet.</p>
    <p>
      <a href="/">Zur Startseite</a>
    </p>
  </MessagePage>
);

export const TooLargePage: FC<{ limit: string; backUrl: string | null }> = ({ limit, backUrl }) => (
  <MessagePage title="Die gesendeten Daten sind zu groß">
    <p>
      Es können höchstens {limit} auf einmal gesendet werden, deshalb wurde diese Seite nicht gespeichert. Was Sie in früheren Schritten eingegeben
      haben, ist gespeichert.
    </p>
    <p>Ist das Dokument zu groß? Kürzen Sie es oder lassen Sie es weg und füllen Sie die Felder direkt aus.</p>
    {backUrl ? (
      <p>
        <a href={backUrl}>Zurück zum Formular</a>
      </p>
    ) : (
      <StartAgain />
    )}
  </MessagePage>
);
