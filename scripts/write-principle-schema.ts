// Writes principles/principle.schema.json from the zod PrincipleSchema, so the JSON Schema that
// editors and other tools read never drifts from what the app validates (a test compares them).
// Run: npx tsx scripts/write-principle-schema.ts

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { principleFileJsonSchema } from '../src/lib/core/schemas';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'principles', 'principle.schema.json');
writeFileSync(target, `${JSON.stringify(principleFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
