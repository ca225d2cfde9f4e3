import { Command, Option } from 'commander';
import { createApiToken } from '../app/api-tokens/create-api-token.ts';
import { revokeApiToken } from '../app/api-tokens/revoke-api-token.ts';
import { loadConfig } from '../app/config.ts';
import { openAppContext } from '../app/context.ts';
import { apiScopes, tokenState, type ApiScope } from '../domain/api-token.ts';
import { isUuid } from '../domain/ids.ts';
import { germanMessage } from '../domain/messages.ts';

const cliActor = { id: null, label: 'cli' };

/** `baukasten token add|list|revoke`: API tokens for trusted systems, for operators and scripts. */
export function tokenCommand(): Command {
  const token = new Command('token').description('Zugangsschlüssel der Schnittstelle (API) für berechtigte Systeme verwalten');

  token
    .command('add')
    .description('einen Zugangsschlüssel anlegen; er wird nur dieses eine Mal ausgegeben')
    .requiredOption('--name <name>', 'welches System den Schlüssel nutzt')
    .addOption(new Option('--scope <scope...>', 'Berechtigungen').choices([...apiScopes]).makeOptionMandatory())
    .option('--valid-days <days>', 'Gültigkeit in Tagen (ohne Angabe: bis zum Widerruf)')
    .action(async (options: { name: string; scope: ApiScope[]; validDays?: string }) => {
      const validDays = options.validDays === undefined ? null : Number(options.validDays);
      const context = await openAppContext(loadConfig().database);
      try {
        const outcome = await createApiToken(context, { name: options.name, scopes: options.scope, validDays: Number.isNaN(validDays) ? -1 : validDays }, cliActor);
        if (!outcome.ok) {
          for (const error of outcome.errors) console.error(`${error.path === 'validDays' ? 'Gültigkeit' : error.path === 'scopes' ? 'Berechtigungen' : 'Name'}: ${error.message}`);
          process.exitCode = 1;
          return;
        }
        console.error(`Zugang „${outcome.token.name}“ angelegt (${outcome.token.scopes.join(', ')}; ${outcome.token.expiresAt ? `gültig bis ${outcome.token.expiresAt}` : 'bis zum Widerruf'}), Kennung ${outcome.token.id}.`);
        console.error('Der Schlüssel wird nur jetzt ausgegeben (stdout):');
        console.log(outcome.secret);
      } finally {
        await context.close();
      }
    });

  token
    .command('list')
    .description('alle Zugänge mit Zustand und letzter Nutzung')
    .action(async () => {
      const context = await openAppContext(loadConfig().database);
      try {
        for (const t of await context.apiTokens.list()) {
          console.log([t.id, `${t.prefix}…`, tokenState(t), t.scopes.join(','), t.name, `zuletzt genutzt: ${t.lastUsedAt ?? 'noch nie'}`].join('\t'));
        }
      } finally {
        await context.close();
      }
    });

  token
    .command('revoke')
    .description('einen Zugang sofort widerrufen (für alle Instanzen)')
    .argument('<id>', 'Kennung (UUID) aus „token list“')
    .action(async (id: string) => {
      const context = await openAppContext(loadConfig().database);
      try {
        const outcome = isUuid(id) ? await revokeApiToken(context, id, cliActor) : ({ ok: false, code: 'token_not_found' } as const);
        if (!outcome.ok) {
          console.error(germanMessage(outcome.code));
          process.exitCode = 1;
          return;
        }
        console.log(`Zugang „${outcome.token.name}“ widerrufen.`);
      } finally {
        await context.close();
      }
    });

  return token;
}
