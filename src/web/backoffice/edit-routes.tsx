import { saveContribution } from '../../app/editorial/save-contribution.ts';
import { contentOf } from '../../domain/contribution.ts';
import { diffFields } from '../../domain/diff.ts';
import { actorLabel } from '../../domain/user.ts';
import { ACTION_FIELD } from '../forms/components.tsx';
import { validateForm, toValues } from '../forms/mapping.ts';
import { maxItems } from '../forms/schema-info.ts';
import { addRow, parseAction, readPosted, removeRow, type FormValues, type PostedBody } from '../forms/values.ts';
import { contributionAdminPath } from './contribution-page.tsx';
import { ConflictPage, EditPage, VERSION_FIELD } from './edit-page.tsx';
import { editItems, editSchema, withLinkFlags } from './edit-form.ts';
import type { BackOfficeContext, BackOfficeDeps, BackOfficePage } from './env.ts';
import type { guardedRoutes } from './guard.ts';
import { isUuid } from '../../domain/ids.ts';


/**
 * Editing every field of a contribution with the public form's definition and schema. The form
 * carries the version it was based on; a save on top of a newer version shows the conflict page
 * (both versions side by side) instead of overwriting.
 */
export function registerEditRoutes(routes: ReturnType<typeof guardedRoutes>, deps: BackOfficeDeps, page: BackOfficePage) {
  const load = async (c: BackOfficeContext) => {
    const id = c.req.param('id') ?? '';
    return isUuid(id) ? deps.contributions.get(id) : null;
  };
  const notFound = (c: BackOfficeContext) => page(c, 'Nicht gefunden', <p>Diesen Beitrag gibt es nicht.</p>, 404);

  routes.get('/beitraege/:id/bearbeiten', 'editor', async (c) => {
    const contribution = await load(c);
    if (!contribution) return notFound(c);
    const values = toValues(editItems, contentOf(contribution));
    return page(c, `„${contribution.title}“ bearbeiten`, <EditPage session={c.var.session!} contribution={contribution} baseVersion={contribution.version} values={values} errors={[]} />);
  });

  routes.post('/beitraege/:id/bearbeiten', 'editor', async (c) => {
    const contribution = await load(c);
    if (!contribution) return notFound(c);
    const body = (await c.req.parseBody({ all: true })) as PostedBody;
    const values = readPosted(editItems, body, (group) => maxItems(editSchema, group.name));
    const rawVersion = typeof body[VERSION_FIELD] === 'string' ? body[VERSION_FIELD] : '';
    const baseVersion = /^\d{1,9}$/.test(rawVersion) ? Number(rawVersion) : contribution.version;
    const action = parseAction(editItems, typeof body[ACTION_FIELD] === 'string' ? body[ACTION_FIELD] : undefined, 'speichern');
    const form = (formValues: FormValues, errors: ReturnType<typeof validateForm>['errors'], status: 200 | 400 = 200, notice?: string) =>
      page(c, `„${contribution.title}“ bearbeiten`, <EditPage session={c.var.session!} contribution={contribution} baseVersion={baseVersion} values={formValues} errors={errors} notice={notice} />, status);

    // Adding or removing a row re-renders the form with everything typed (works without JavaScript).
    if (action.type === 'add') return form(addRow(values, action.group).values, []);
    if (action.type === 'remove') return form(removeRow(values, action.group, action.index), []);
    if (action.name === 'weiterbearbeiten') {
      return form(values, [], 200, `Ihre Eingaben, jetzt auf Grundlage der gespeicherten Fassung ${baseVersion}. Prüfen Sie die markierten Unterschiede und speichern Sie erneut.`);
    }

    const validation = validateForm(editSchema, editItems, values);
    if (!validation.data) return form(values, [...validation.errors, ...validation.elsewhere], 400);
    const content = withLinkFlags(validation.data, contentOf(contribution));
    const session = c.var.session!;
    const outcome = await saveContribution(deps, { id: contribution.id, expectedVersion: baseVersion, content }, { id: session.user.id, label: actorLabel(session.user) });
    if (outcome.ok) return c.redirect(`${contributionAdminPath(contribution.id)}?erledigt=${outcome.changed ? 'gespeichert' : 'unveraendert'}`, 303);
    if (outcome.code === 'not_found') return notFound(c);
    const { current } = outcome;
    const latest = await deps.contributions.revision(current.id, current.version);
    return page(
      c,
      'Bearbeitungskonflikt',
      <ConflictPage
        session={session}
        current={current}
        baseVersion={baseVersion}
        values={values}
        changes={diffFields(contentOf(current), content)}
        savedBy={latest ? { actor: latest.actor, at: latest.createdAt } : null}
      />,
      409,
    );
  });
}
