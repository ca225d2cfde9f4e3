// Writes docs/contribution.schema.json from the domain schema. Run: npx tsx scripts/generate-json-schema.ts
import { writeFileSync } from 'node:fs';
import { contributionJsonSchema } from '../src/domain/json-schema.ts';

const target = new URL('../docs/contribution.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(contributionJsonSchema(), null, 2)}\n`);
console.log(`written ${target.pathname}`);
