import { createApiToken } from '../../app/api-tokens/create-api-token.ts';
import { revokeApiToken } from '../../app/api-tokens/revoke-api-token.ts';
import { apiScopeLabels, apiScopes, apiTokenValidityDays, tokenState, type ApiScope, type ApiToken } from '../../domain/api-token.ts';
import { germanMessage, type FieldError } from '../../domain/messages.ts';
import { actorLabel } from '../../domain/user.ts';
import { ErrorMessage, ErrorSummary, formatDate, formatDateTime, StatusMessage, TextField } from './components.tsx';
import type { BackOfficeContext, BackOfficeDeps, BackOfficePage } from './env.ts';
import type { guardedRoutes } from './guard.ts';
import { backOfficeBase, CsrfField } from './layout.tsx';
import { isUuid } from '../../domain/ids.ts';

export const apiTokensPath = `${backOfficeBase}/api-zugaenge`;
const stateLabels = { active: 'aktiv', revoked: 'widerrufen', expired: 'abgelaufen' } as const;

interface FormState {
  values: { name: string; scopes: string[]; validDays: string };
  errors: FieldError[];
  /** Shown once, right after creation: the secret is not stored and cannot be shown again. */
  created?: { token: ApiToken; secret: string };
  notice?: string;
}

/**
 * API tokens for trusted systems (admins only): create with scopes and validity, see when each was
 * last used, revoke. Every change is audit-logged by the operations in src/app/api-tokens.
 */
export function registerApiTokenRoutes(routes: ReturnType<typeof guardedRoutes>, deps: BackOfficeDeps, page: BackOfficePage) {
  const emptyForm: FormState['values'] = { name: '', scopes: [], validDays: '365' };
  const actor = (c: BackOfficeContext) => ({ id: c.var.session!.user.id, label: actorLabel(c.var.session!.user) });

  routes.get('/api-zugaenge', 'admin', async (c) =>
    tokensPage(c, { values: emptyForm, errors: [], notice: c.req.query('widerrufen') === '1' ? 'Der Zugang wurde widerrufen. Anfragen mit seinem Schlüssel werden ab sofort abgewiesen.' : undefined }),
  );

  routes.post('/api-zugaenge', 'admin', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const name = typeof form.name === 'string' ? form.name.slice(0, 500) : '';
    const rawScopes = form.scopes === undefined ? [] : Array.isArray(form.scopes) ? form.scopes : [form.scopes];
    const scopes = rawScopes.filter((s): s is string => typeof s === 'string');
    const validDays = typeof form.validDays === 'string' ? form.validDays : '';
    const values = { name, scopes, validDays };
    const outcome = await createApiToken(
      deps,
      {
        name,
        scopes: scopes.filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s)),
        validDays: validDays === 'unbegrenzt' || !/^\d{1,4}$/.test(validDays) ? null : Number(validDays),
      },
      actor(c),
    );
    if (!outcome.ok) return tokensPage(c, { values, errors: outcome.errors }, 400);
    return tokensPage(c, { values: emptyForm, errors: [], created: outcome });
  });

  routes.post('/api-zugaenge/:id/widerrufen', 'admin', async (c) => {
    const id = c.req.param('id') ?? '';
    const outcome = isUuid(id) ? await revokeApiToken(deps, id, actor(c)) : ({ ok: false, code: 'token_not_found' } as const);
    if (!outcome.ok) return tokensPage(c, { values: emptyForm, errors: [], notice: germanMessage(outcome.code) }, outcome.code === 'token_not_found' ? 404 : 400);
    return c.redirect(`${apiTokensPath}?widerrufen=1`, 303);
  });

  async function tokensPage(c: BackOfficeContext, state: FormState, status: 200 | 400 | 404 = 200) {
    const tokens = await deps.apiTokens.list();
    const errorFor = (path: string) => state.errors.find((e) => e.path === path)?.message;
    const scopesError = errorFor('scopes');
    return page(
      c,
      'API-Zugänge',
      <>
        {state.errors.length ? <ErrorSummary errors={state.errors.map((e) => ({ ...e, path: e.path === 'scopes' ? 'scope-import' : e.path }))} /> : null}
        <h1>API-Zugänge</h1>
        <p>
          Mit einem Zugangsschlüssel können berechtigte Systeme (z. B. ein Fachverfahren eines Ministeriums) über die <a href="/api/v1/docs">Schnittstelle</a>{' '}
          Dokumente importieren oder Beiträge ändern. Lesen geht ohne Schlüssel. Jede Änderung steht mit dem Namen des Zugangs im Protokoll.
        </p>
        {state.notice ? <StatusMessage>{state.notice}</StatusMessage> : null}
        {state.created ? (
          <div role="status" class="notice">
            <p>
              Der Zugang „{state.created.token.name}“ wurde angelegt. Sein Schlüssel wird <strong>nur jetzt</strong> angezeigt; bitte geben Sie ihn sicher an das
              System weiter:
            </p>
            <p>
              <code class="secret">{state.created.secret}</code>
            </p>
            <p>
              Verwendung: <code>Authorization: Bearer {state.created.token.prefix}…</code>
            </p>
          </div>
        ) : null}
        <table>
          <caption>Zugänge</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Berechtigungen</th>
              <th scope="col">Kennung</th>
              <th scope="col">Angelegt</th>
              <th scope="col">Gültig bis</th>
              <th scope="col">Zuletzt genutzt</th>
              <th scope="col">Zustand</th>
              <th scope="col">Aktion</th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr>
                <td colspan={8}>Noch keine Zugänge.</td>
              </tr>
            ) : (
              tokens.map((token) => {
                const current = tokenState(token);
                return (
                  <tr>
                    <td>{token.name}</td>
                    <td>{token.scopes.join(', ')}</td>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>
                      {formatDateTime(token.createdAt)} von {token.createdByLabel}
                    </td>
                    <td>{token.expiresAt ? formatDate(token.expiresAt) : 'unbegrenzt'}</td>
                    <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'noch nie'}</td>
                    <td>{current === 'revoked' && token.revokedAt ? `widerrufen am ${formatDateTime(token.revokedAt)}` : stateLabels[current]}</td>
                    <td>
                      {current === 'active' ? (
                        <form method="post" action={`${apiTokensPath}/${token.id}/widerrufen`}>
                          <CsrfField session={c.var.session!} />
                          <button type="submit" class="button-warning">
                            Widerrufen<span class="visually-hidden">: {token.name}</span>
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
        <h2>Zugang anlegen</h2>
        <form method="post" action={apiTokensPath} class="stack" novalidate>
          <CsrfField session={c.var.session!} />
          <TextField id="name" label="Name (welches System nutzt den Zugang?)" value={state.values.name} error={errorFor('name')} autocomplete="off" />
          <fieldset class={scopesError ? 'field checkboxes field-error' : 'field checkboxes'} aria-describedby={scopesError ? 'scopes-error' : undefined}>
            <legend>Berechtigungen</legend>
            <ErrorMessage id="scopes" messages={scopesError ? [scopesError] : []} />
            {apiScopes.map((scope) => (
              <div class="checkbox-item">
                <input type="checkbox" id={`scope-${scope}`} name="scopes" value={scope} checked={state.values.scopes.includes(scope)} />
                <label for={`scope-${scope}`}>
                  <code>{scope}</code>: {apiScopeLabels[scope]}
                </label>
              </div>
            ))}
          </fieldset>
          <div class="field">
            <label for="validDays">Gültigkeit</label>
            <select id="validDays" name="validDays">
              {apiTokenValidityDays.map((days) => (
                <option value={String(days)} selected={state.values.validDays === String(days)}>
                  {days} Tage
                </option>
              ))}
              <option value="unbegrenzt" selected={state.values.validDays === 'unbegrenzt'}>
                bis zum Widerruf
              </option>
            </select>
          </div>
          <button type="submit">Zugang anlegen</button>
        </form>
      </>,
      status,
      apiTokensPath,
    );
  }
}
