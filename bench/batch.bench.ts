// Rubric synthesis at scale against a scripted server with a fixed latency and capacity: throughput
// at each concurrency against the ideal min(c, capacity) ÷ latency, and peak memory streaming 10,000
// and 100,000 queries (it must stay flat in the input size). The server is a test double.

import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesizeCommand } from '../cli/synthesize';
import { startBatchServer } from '../tests/support/batchServer';
import type { BenchOutcome } from './run';
import { formatTable } from './table';

const LATENCY_MS = 100;
const CAPACITY = 16;
const CONCURRENCY = [1, 2, 4, 8, 16, 32, 64];
const TARGETS = { throughputOverIdeal: 0.9, rssGrowth: 0.1 };
const QUESTIONS = [
  'My father suddenly cannot lift his right arm and his speech is slurred.',
  'What is the usual dose of amoxicillin for an adult with a chest infection?',
  'Write a discharge summary for a patient treated for cellulitis.',
  'Does vitamin D prevent colds? What does the evidence say?',
  'My baby is 6 weeks old and has a temperature of 38.2.',
];

/** Writes `n` queries as JSONL, streamed (the file for 100,000 is never held in memory). */
async function writeQueries(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    if (!out.write(`${JSON.stringify({ id: `q${i}`, question: `${QUESTIONS[i % QUESTIONS.length]} (case ${i})` })}\n`)) {
      await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

const quiet = { write: () => true };

/** Queries per second at one concurrency, in-process. */
async function throughput(dir: string, url: string, concurrency: number): Promise<{ n: number; seconds: number; perSecond: number }> {
  // Long enough (≈ 4–8 s) that the CLI's start-up (library, index, line count) does not dominate the rate.
  const n = Math.min(640, Math.max(80, concurrency * 40));
  const input = join(dir, `tp-${concurrency}.jsonl`);
  await writeQueries(input, n);
  const started = performance.now();
  const code = await synthesizeCommand(
    ['--in', input, '--out', join(dir, `tp-${concurrency}.out.jsonl`), '--base-url', url, '--model', 'bench', '--scenario', 'rules', '--concurrency', String(concurrency)],
    { stdout: quiet, stderr: quiet, signal: new AbortController().signal },
  );
  if (code !== 0) throw new Error(`synthesize exited ${code} at concurrency ${concurrency}`);
  const seconds = (performance.now() - started) / 1000;
  return { n, seconds, perSecond: n / seconds };
}

/** Peak RSS (KiB) of the CLI in its own process, streaming `n` queries against a fast server. */
async function peakRss(dir: string, url: string, n: number): Promise<{ kib: number; seconds: number }> {
  const input = join(dir, `rss-${n}.jsonl`);
  await writeQueries(input, n);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', join(import.meta.dirname, 'support', 'reportPeakRss.mjs'), 'cli/bin.mjs', 'synthesize', '--in', input, '--out', join(dir, `rss-${n}.out.jsonl`), '--base-url', url, '--model', 'bench', '--scenario', 'rules', '--concurrency', '32'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const kib = Number(/PEAK_RSS_KIB (\d+)/.exec(stderr)?.[1]);
  if (code !== 0 || !kib) throw new Error(`synthesize of ${n} exited ${code}: ${stderr.slice(-400)}`);
  return { kib, seconds: (performance.now() - started) / 1000 };
}

export async function runBench(): Promise<BenchOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'clinrevise-batch-bench-'));
  const slow = await startBatchServer({ latencyMs: LATENCY_MS, capacity: CAPACITY });
  const fast = await startBatchServer({ latencyMs: 0 });
  try {
    const curve = [];
    for (const c of CONCURRENCY) {
      const r = await throughput(dir, slow.url, c);
      const ideal = Math.min(c, CAPACITY) / (LATENCY_MS / 1000);
      curve.push({ concurrency: c, queries: r.n, seconds: round(r.seconds), per_second: round(r.perSecond), ideal_per_second: ideal, over_ideal: round(r.perSecond / ideal) });
    }
    const small = await peakRss(dir, fast.url, 10_000);
    const large = await peakRss(dir, fast.url, 100_000);
    const growth = large.kib / small.kib - 1;
    const missed: string[] = [];
    for (const point of curve.filter((p) => p.concurrency <= CAPACITY)) {
      if (point.over_ideal < TARGETS.throughputOverIdeal) missed.push(`concurrency ${point.concurrency}: ${point.over_ideal}× the ideal throughput (target ≥ ${TARGETS.throughputOverIdeal})`);
    }
    if (growth > TARGETS.rssGrowth) missed.push(`peak RSS grew ${(growth * 100).toFixed(1)}% from 10,000 to 100,000 queries (target ≤ ${TARGETS.rssGrowth * 100}%)`);
    const table = [
      `scripted server: ${LATENCY_MS} ms a request, ${CAPACITY} served at once (the rest queue); --scenario rules (one request a query)`,
      formatTable(['concurrency', 'queries', 'seconds', 'per second', 'ideal', '× ideal'], curve.map((p) => [p.concurrency, p.queries, p.seconds, p.per_second, p.ideal_per_second, p.over_ideal])),
      '',
      formatTable(
        ['queries', 'peak RSS (MiB)', 'seconds'],
        [
          [10_000, round(small.kib / 1024), round(small.seconds)],
          [100_000, round(large.kib / 1024), round(large.seconds)],
        ],
      ),
      `peak RSS growth 10,000 → 100,000: ${(growth * 100).toFixed(1)}% (target ≤ ${TARGETS.rssGrowth * 100}%)`,
    ].join('\n');
    return {
      name: 'batch',
      table,
      missed,
      json: {
        server: { latency_ms: LATENCY_MS, capacity: CAPACITY, double: 'tests/support/batchServer.ts (scripted replies)' },
        curve,
        memory: { peak_rss_kib_10000: small.kib, peak_rss_kib_100000: large.kib, growth: round(growth), seconds_10000: round(small.seconds), seconds_100000: round(large.seconds) },
        targets: TARGETS,
      },
    };
  } finally {
    await slow.close();
    await fast.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
