import type { z } from 'zod';

/**
 * The one place where error codes become German text (pattern from a2j-rechtsantragstelle):
 * schemas and rules return codes; pages, CLI and API show these messages.
 */
export const germanMessages: Record<string, string> = {
  required: 'Bitte füllen Sie dieses Feld aus.',
  too_long: 'Der Text ist zu lang.',
  title_too_short: 'Der Titel muss mindestens 3 Zeichen lang sein.',
  postcode_invalid: 'Bitte geben Sie eine fünfstellige Postleitzahl ein, z. B. 35578.',
  email_invalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
  phone_invalid: 'Bitte geben Sie eine gültige Telefonnummer ein, z. B. 06441 9277607.',
  url_invalid: 'Bitte geben Sie eine vollständige Internetadresse ein, die mit http:// oder https:// beginnt.',
  partial_date_format: 'Bitte geben Sie ein Datum als Jahr (2019), Monat (2019-06) oder Tag (2019-06-01) ein.',
  partial_date_invalid: 'Dieses Datum gibt es nicht.',
  period_end_before_start: 'Das Ende darf nicht vor dem Beginn liegen.',
  version_conflict: 'Der Beitrag wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde nicht gespeichert.',
  not_found: 'Der Beitrag wurde nicht gefunden.',
  password_too_short: 'Das Passwort muss mindestens 12 Zeichen lang sein.',
  login_failed: 'E-Mail-Adresse oder Passwort ist falsch.',
  login_locked: 'Dieses Konto ist nach mehreren fehlgeschlagenen Anmeldungen vorübergehend gesperrt. Bitte versuchen Sie es später erneut.',
  login_throttled: 'Zu viele Anmeldeversuche von Ihrem Anschluss. Bitte warten Sie einige Minuten.',
  email_taken: 'Für diese E-Mail-Adresse gibt es schon ein Konto.',
  transition_not_allowed: 'Dieser Schritt ist im jetzigen Zustand des Beitrags nicht möglich.',
  rejection_reason_required: 'Bitte begründen Sie die Ablehnung. Die Begründung wird der*dem Einreichenden mitgeteilt.',
  submitter_email_missing: 'Für diesen Beitrag ist keine E-Mail-Adresse einer*eines Einreichenden hinterlegt. Speichern Sie den Kommentar intern.',
  revision_not_found: 'Diese Fassung des Beitrags gibt es nicht.',
  restore_unchanged: 'Diese Fassung entspricht dem jetzigen Inhalt, es gibt nichts wiederherzustellen.',
  synonyms_line_invalid: 'Die Zeile braucht mindestens zwei Begriffe, getrennt durch Komma oder Gleichheitszeichen.',
  amount_invalid: 'Bitte geben Sie einen Betrag in Euro ein, z. B. 12.500,50.',
  consent_required: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu, sonst können wir Ihre Einreichung nicht annehmen.',
  document_missing: 'Bitte wählen Sie zuerst eine Datei aus.',
  suggestions_none_selected: 'Bitte wählen Sie mindestens einen Vorschlag aus, der übernommen werden soll.',
  token_name_too_short: 'Bitte geben Sie dem Zugang einen Namen mit mindestens 3 Zeichen, z. B. das System, das ihn nutzt.',
  token_scope_required: 'Bitte wählen Sie mindestens eine Berechtigung aus.',
  token_validity_invalid: 'Die Gültigkeit ist eine ganze Zahl von Tagen zwischen 1 und 3650.',
  token_not_found: 'Diesen API-Zugang gibt es nicht.',
  token_already_revoked: 'Dieser API-Zugang ist bereits widerrufen.',
  suggestion_invalid: 'Dieser Vorschlag ist ungültig. Bitte laden Sie die Seite neu und wählen Sie erneut.',
};

export function germanMessage(code: string): string {
  return germanMessages[code] ?? 'Die Eingabe ist ungültig.';
}

export interface FieldError {
  /** Dotted path such as "sponsor.postcode" or "contacts.0.email". */
  path: string;
  code: string;
  message: string;
}

/** Turns Zod issues into German field errors; zod's own English texts never reach a user. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const code = issue.message in germanMessages ? issue.message : issue.code === 'invalid_type' ? 'required' : issue.message;
    // A text that is too long says how long it may be, so the writer knows how much to cut.
    const message = code === 'too_long' && issue.code === 'too_big' ? `Der Text ist zu lang: höchstens ${Number(issue.maximum).toLocaleString('de-DE')} Zeichen.` : germanMessage(code);
    return { path: issue.path.join('.'), code, message };
  });
}
