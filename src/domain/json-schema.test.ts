import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contributionJsonSchema } from './json-schema.ts';

describe('canonical JSON schema document', () => {
  it('matches the schema generated from the domain model (run scripts/generate-json-schema.ts after model changes)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../docs/contribution.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(contributionJsonSchema());
  });
});
