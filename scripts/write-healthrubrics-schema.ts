// Writes docs/healthrubrics.schema.json from the zod HealthRubricsRecordSchema, so the JSON Schema other
// tools read never drifts from what the app and CLI validate (a test compares them).
// Run: npx tsx scripts/write-healthrubrics-schema.ts

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { healthRubricsJsonSchema } from '../src/lib/core/rubrics/record';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'healthrubrics.schema.json');
writeFileSync(target, `${JSON.stringify(healthRubricsJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
