import type { Child, FC } from 'hono/jsx';
import { roleLabels } from '../../domain/user.ts';
import type { SessionRecord } from '../../storage/sessions-repository.ts';
import { CSRF_FIELD } from './guard.ts';

export const backOfficeBase = '/redaktion';

/** Back-office navigation; admin-only entries are shown to admins only (the routes check again). */
const navigation: Array<{ href: string; label: string; adminOnly?: boolean }> = [
  { href: `${backOfficeBase}`, label: 'Prüfliste' },
  { href: `${backOfficeBase}/aktualitaet`, label: 'Aktualität' },
  { href: `${backOfficeBase}/taxonomie`, label: 'Taxonomie' },
  { href: `${backOfficeBase}/synonyme`, label: 'Suchsynonyme' },
  { href: `${backOfficeBase}/postausgang`, label: 'Postausgang' },
  { href: `${backOfficeBase}/protokoll`, label: 'Protokoll', adminOnly: true },
  { href: `${backOfficeBase}/benutzer`, label: 'Benutzerkonten', adminOnly: true },
  { href: `${backOfficeBase}/api-zugaenge`, label: 'API-Zugänge', adminOnly: true },
];

/** Hidden CSRF field for every back-office form. */
export const CsrfField: FC<{ session: SessionRecord }> = ({ session }) => <input type="hidden" name={CSRF_FIELD} value={session.csrfToken} />;

export const BackOfficeFrame: FC<{ session: SessionRecord | null; current?: string; children?: Child }> = ({ session, current, children }) => (
  <div class="backoffice">
    {session ? (
      <div class="backoffice-bar">
        <nav aria-label="Redaktion">
          <ul>
            {navigation
              .filter((item) => !item.adminOnly || session.user.role === 'admin')
              .map((item) => (
                <li>
                  <a href={item.href} aria-current={item.href === current ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <form method="post" action={`${backOfficeBase}/abmelden`} class="backoffice-logout">
          <CsrfField session={session} />
          <span>
            Angemeldet als {session.user.name} ({roleLabels[session.user.role]})
          </span>{' '}
          <button type="submit">Abmelden</button>
        </form>
      </div>
    ) : null}
    {children}
  </div>
);
