// The initial-bundle budget (DESIGN.md: initial JS ≤ 150 KB gzip). Builds the app into a scratch
// folder and measures what index.html loads before any interaction; lazy chunks are listed apart.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BenchOutcome } from './run';
import { formatTable } from './table';

const BUDGET_KB = 150;

const gzipKb = (path: string) => gzipSync(readFileSync(path)).length / 1024;

export async function runBench(): Promise<BenchOutcome> {
  const outDir = mkdtempSync(join(tmpdir(), 'clinrevise-bundle-'));
  try {
    await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    // What the page loads up front: its entry script plus any modulepreloaded chunks.
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const rows = assets
      .map((f) => ({ file: f, kb: gzipKb(join(outDir, 'assets', f)), initial: initial.includes(`assets/${f}`) }))
      .sort((a, b) => Number(b.initial) - Number(a.initial) || b.kb - a.kb);
    const initialKb = rows.filter((r) => r.initial).reduce((sum, r) => sum + r.kb, 0);
    const table = formatTable(
      ['chunk', 'gzip KB', 'loaded'],
      rows.map((r) => [r.file.replace(/-[\w-]{8}\.js$/, '.js'), r.kb.toFixed(1), r.initial ? 'initially' : 'on demand']),
    );
    return {
      name: 'bundle',
      table: `${table}\n\nInitial JS: ${initialKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`,
      json: { initial_js_gzip_kb: Math.round(initialKb * 10) / 10, budget_kb: BUDGET_KB, chunks: rows },
      missed: initialKb > BUDGET_KB ? [`initial JS is ${initialKb.toFixed(1)} KB gzip, over the ${BUDGET_KB} KB budget`] : [],
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
