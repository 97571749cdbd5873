// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints each
// one's table and writes its JSON to bench/results/<name>.json. Targets live here, not in unit tests.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchOutcome {
  /** Results file name, without extension. */
  name: string;
  /** Human-readable table. */
  table: string;
  /** Machine-readable results. */
  json: unknown;
  /** Targets that were missed (empty = all met). */
  missed: string[];
}

export interface BenchModule {
  runBench(): Promise<BenchOutcome>;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

mkdirSync(join(here, 'results'), { recursive: true });
let missedAny = false;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  const outcome = await mod.runBench();
  writeFileSync(join(here, 'results', `${outcome.name}.json`), `${JSON.stringify(outcome.json, null, 2)}\n`);
  console.log(`\n== ${outcome.name} ==\n${outcome.table}`);
  if (outcome.missed.length) {
    missedAny = true;
    console.log(`Targets missed:\n${outcome.missed.map((m) => `  - ${m}`).join('\n')}`);
  } else {
    console.log('All targets met.');
  }
}
if (files.length === 0) console.log('No benchmarks matched.');
process.exitCode = missedAny ? 1 : 0;
