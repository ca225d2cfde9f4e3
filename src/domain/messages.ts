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
    return { path: issue.path.join('.'), code, message: germanMessage(code) };
  });
}
