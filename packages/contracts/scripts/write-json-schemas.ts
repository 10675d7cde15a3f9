// Regenerates json-schema/*.schema.json from the zod schemas (the single source of truth).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaOf, PUBLISHED_SCHEMAS, type PublishedSchemaName } from '../src/json-schema';

const outDir = fileURLToPath(new URL('../json-schema/', import.meta.url));
for (const name of Object.keys(PUBLISHED_SCHEMAS) as PublishedSchemaName[]) {
  writeFileSync(`${outDir}${name}.schema.json`, `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
}
console.log(`wrote ${Object.keys(PUBLISHED_SCHEMAS).length} schemas to ${outDir}`);
