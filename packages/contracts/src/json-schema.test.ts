import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf, PUBLISHED_SCHEMAS, type PublishedSchemaName } from './json-schema';

const names = Object.keys(PUBLISHED_SCHEMAS) as PublishedSchemaName[];

describe('generated JSON Schema', () => {
  it.each(names)('json-schema/%s.schema.json is up to date (run `pnpm schemas` after changing a schema)', (name) => {
    const checkedIn = JSON.parse(readFileSync(new URL(`../json-schema/${name}.schema.json`, import.meta.url), 'utf8'));
    expect(checkedIn).toEqual(jsonSchemaOf(name));
  });

  it('carries the sensitivity annotations as x-sensitive', () => {
    const schema = jsonSchemaOf('AttendeeRegistered') as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.email?.['x-sensitive']).toBe('EMAIL');
    expect(schema.properties.country?.['x-sensitive']).toBeUndefined();
  });
});
