// Child process for the durability test: writes one contribution, acknowledges it on
// stdout, then idles until the parent kills it with SIGKILL.
import { ContributionContentSchema } from '../../src/domain/contribution.ts';
import { createContributionRepository } from '../../src/storage/contributions-repository.ts';
import { openDatabase, type DatabaseConfig } from '../../src/storage/database.ts';
import { migrate } from '../../src/storage/migrate.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as DatabaseConfig;
const title = process.argv[3] ?? 'Dauerhaft gespeichert';
const db = await openDatabase(config);
await migrate(db);
const repo = createContributionRepository(db);
const created = await repo.create(ContributionContentSchema.parse({ title }), { state: 'draft', actor: 'durability-test' });
const updated = await repo.update(created.id, created.version, ContributionContentSchema.parse({ title: `${title} (bestätigt)` }), 'durability-test');
process.stdout.write(`ACK ${updated.id} ${updated.version}\n`);
setInterval(() => undefined, 60_000);
