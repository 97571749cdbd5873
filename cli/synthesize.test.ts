import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBatchServer, type BatchServer } from '../tests/support/batchServer';
import { parseCustomId } from './batchFiles';
import { main } from './main';

let server: BatchServer;
let dir: string;
beforeAll(async () => {
  server = await startBatchServer({ latencyMs: 5 });
  dir = mkdtempSync(join(tmpdir(), 'clinrevise-synth-'));
});
afterAll(async () => {
  await server.close();
});

let fileNo = 0;
function queriesFile(lines: (string | object)[]): string {
  const path = join(dir, `q${fileNo++}.jsonl`);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}
const outFile = () => join(dir, `out${fileNo++}.jsonl`);
const readLines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

async function run(args: string[], signal = new AbortController().signal) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
  // `main` wires Ctrl-C itself; tests drive the command directly with their own signal.
  const { synthesizeCommand } = await import('./synthesize');
  const code = await synthesizeCommand(args, { ...io, signal });
  return { code, stdout, stderr };
}

const QUESTIONS = [
  'My father suddenly cannot lift his right arm and his speech is slurred.',
  'What is the usual dose of amoxicillin for an adult with a chest infection?',
  'Write a discharge summary for a patient treated for cellulitis.',
  'Does vitamin D prevent colds? What does the evidence say?',
  'My baby is 6 weeks old and has a temperature of 38.2.',
];

describe('clinrevise synthesize', () => {
  it('writes one line per query in input order, with HealthBench-form items tagged by axis and principle', async () => {
    const queries = Array.from({ length: 24 }, (_, i) => ({ id: `q${i}`, question: `${QUESTIONS[i % QUESTIONS.length]} ${i % 3 === 0 ? '[slow]' : ''}` }));
    queries[5] = { id: 'q5', prompt: [{ role: 'user', content: 'My knee hurts.' }, { role: 'assistant', content: 'Since when?' }, { role: 'user', content: 'Two days, after a fall.' }] } as never;
    const out = outFile();
    const { code, stderr } = await run(['--in', queriesFile(queries), '--out', out, '--base-url', server.url, '--model', 'm', '--concurrency', '6']);
    expect(stderr).toMatch(/24 written/);
    expect(code).toBe(0);
    const lines = readLines(out);
    expect(lines.map((l) => l.id)).toEqual(queries.map((q) => q.id));
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'scenario', 'principles', 'rubric', 'model', 'created_at']);
      const rubric = line.rubric as { criterion: string; points: number; tags: string[] }[];
      expect(rubric.length).toBeGreaterThan(0);
      for (const item of rubric) expect(item.tags.some((t) => t.startsWith('axis:'))).toBe(true);
      expect(Array.isArray(line.principles)).toBe(true);
      expect(line.model).toBe('m');
    }
  });

  it('with --scenario rules makes one request per query (no classification call)', async () => {
    const before = { ...server.served };
    const out = outFile();
    const { code } = await run(['--in', queriesFile(QUESTIONS.map((question, i) => ({ id: i, question }))), '--out', out, '--base-url', server.url, '--model', 'm', '--scenario', 'rules']);
    expect(code).toBe(0);
    expect(server.served.classify - before.classify).toBe(0);
    expect(server.served.rubric - before.rubric).toBe(5);
    expect(readLines(out).map((l) => l.id)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('reports bad lines by number and duplicate ids, runs the rest once, and exits 1', async () => {
    const input = queriesFile([{ id: 'a', question: QUESTIONS[0]! }, '{broken', { id: 'b' }, { id: 'a', question: 'again' }, { id: 'c', question: QUESTIONS[1]! }]);
    const out = outFile();
    const { code, stderr } = await run(['--in', input, '--out', out, '--base-url', server.url, '--model', 'm', '--scenario', 'rules']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/line 2: not valid JSON/);
    expect(stderr).toMatch(/line 3: expected \{id, prompt:\[messages\]\} or \{id, question\}/);
    expect(stderr).toMatch(/line 4: duplicate id "a"/);
    expect(readLines(out).map((l) => l.id)).toEqual(['a', 'c']);
    expect(readLines(`${out}.failures.jsonl`).map((f) => f.line)).toEqual([2, 3]);
  });

  it('retries 429 (honouring Retry-After) and 503, and sends a query that keeps failing to the failures file', async () => {
    const input = queriesFile([
      { id: 'busy', question: `${QUESTIONS[0]} [429-once]` },
      { id: 'flaky', question: `${QUESTIONS[1]} [503-twice]` },
      { id: 'broken', question: `${QUESTIONS[2]} [always-500]` },
      { id: 'fine', question: QUESTIONS[3]! },
    ]);
    const out = outFile();
    const { code, stderr } = await run(['--in', input, '--out', out, '--base-url', server.url, '--model', 'm']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/3 written.*1 failed/);
    expect(readLines(out).map((l) => l.id)).toEqual(['busy', 'flaky', 'fine']);
    const [failure] = readLines(`${out}.failures.jsonl`);
    expect(failure).toMatchObject({ id: 'broken', step: 'classify' });
    expect(String(failure!.reason)).toMatch(/HTTP 500/);
  }, 60_000);

  it('Ctrl-C stops taking work and leaves a file that a re-run completes, every id once', async () => {
    const queries = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, question: `${QUESTIONS[i % 5]} [slow]` }));
    const input = queriesFile(queries);
    const out = outFile();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 1200);
    const first = await run(['--in', input, '--out', out, '--base-url', server.url, '--model', 'm', '--scenario', 'rules', '--concurrency', '4'], controller.signal);
    clearTimeout(timer);
    expect(first.code).toBe(130);
    const partial = readLines(out).map((l) => l.id);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(40);
    expect(partial).toEqual(queries.slice(0, partial.length).map((q) => q.id));
    const second = await run(['--in', input, '--out', out, '--base-url', server.url, '--model', 'm', '--scenario', 'rules', '--concurrency', '8']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`${partial.length} already done`));
    expect(readLines(out).map((l) => l.id)).toEqual(queries.map((q) => q.id));
  }, 60_000);

  it('resumes after the process is killed mid-run, cutting a torn last line', async () => {
    const queries = Array.from({ length: 30 }, (_, i) => ({ id: `k${i}`, question: `${QUESTIONS[i % 5]} [slow]` }));
    const input = queriesFile(queries);
    const out = outFile();
    const child = spawn(process.execPath, ['cli/bin.mjs', 'synthesize', '--in', input, '--out', out, '--base-url', server.url, '--model', 'm', '--scenario', 'rules', '--concurrency', '2'], { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (!existsSync(out) || readLines(out).length < 3)) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const kept = readLines(out).length;
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(30);
    appendFileSync(out, '{"id":"k99","scenario":{"urg'); // a write torn by the kill
    const { code } = await run(['--in', input, '--out', out, '--base-url', server.url, '--model', 'm', '--scenario', 'rules', '--concurrency', '8']);
    expect(code).toBe(0);
    expect(readLines(out).map((l) => l.id)).toEqual(queries.map((q) => q.id));
  }, 90_000);

  describe('batch files', () => {
    /** Plays `vllm run-batch`: sends each request line to the server, writes output lines in shuffled order. */
    async function runBatch(requests: string, output: string) {
      const lines = readFileSync(requests, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { custom_id: string; url: string; body: unknown });
      const results = await Promise.all(
        lines.map(async (line, i) => {
          const response = await fetch(`${server.url.replace(/\/v1$/, '')}${line.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(line.body) });
          return { id: `batch-${i}`, custom_id: line.custom_id, response: { status_code: response.status, request_id: `r${i}`, body: await response.json() }, error: null };
        }),
      );
      writeFileSync(output, results.reverse().map((r) => JSON.stringify(r)).join('\n') + '\n');
      return lines;
    }

    it('round-trips with --scenario rules in one pass, matching the live rubrics', async () => {
      const input = queriesFile(QUESTIONS.map((question, i) => ({ id: `b${i}`, question })));
      const requests = join(dir, 'req-rules.jsonl');
      const first = await run(['--in', input, '--emit-batch', requests, '--model', 'm', '--scenario', 'rules']);
      expect(first.code).toBe(0);
      const sent = await runBatch(requests, join(dir, 'out-rules.jsonl'));
      expect(sent.map((l) => parseCustomId(l.custom_id)?.step)).toEqual(Array(5).fill('rubric'));
      expect(sent[0]).toMatchObject({ method: 'POST', url: '/v1/chat/completions', body: { model: 'm', response_format: { type: 'json_schema' } } });
      expect((sent[0]!.body as { stream?: boolean }).stream).toBeUndefined();
      const out = outFile();
      const second = await run(['--in', input, '--from-batch-output', join(dir, 'out-rules.jsonl'), '--out', out, '--model', 'm', '--scenario', 'rules']);
      expect(second.code).toBe(0);
      const live = outFile();
      await run(['--in', input, '--out', live, '--base-url', server.url, '--model', 'm', '--scenario', 'rules']);
      const strip = (l: Record<string, unknown>) => ({ ...l, created_at: null });
      expect(readLines(out).map(strip)).toEqual(readLines(live).map(strip));
    });

    it('takes two passes when the scenario comes from the model', async () => {
      const input = queriesFile(QUESTIONS.map((question, i) => ({ id: `m${i}`, question })));
      const req1 = join(dir, 'req-m1.jsonl');
      const out1 = join(dir, 'out-m1.jsonl');
      const req2 = join(dir, 'req-m2.jsonl');
      const out2 = join(dir, 'out-m2.jsonl');
      await run(['--in', input, '--emit-batch', req1, '--model', 'm']);
      expect((await runBatch(req1, out1)).map((l) => parseCustomId(l.custom_id)?.step)).toEqual(Array(5).fill('classify'));
      await run(['--in', input, '--from-batch-output', out1, '--emit-batch', req2, '--model', 'm']);
      expect((await runBatch(req2, out2)).map((l) => parseCustomId(l.custom_id)?.step)).toEqual(Array(5).fill('rubric'));
      const out = outFile();
      const { code } = await run(['--in', input, '--from-batch-output', out1, '--from-batch-output', out2, '--out', out, '--model', 'm']);
      expect(code).toBe(0);
      const lines = readLines(out);
      expect(lines.map((l) => l.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
      expect((lines[0]!.scenario as { urgency: string }).urgency).toBe('urgent');
    });
  });

  it('is reachable from the main entry, with usage errors exiting 2', async () => {
    let stderr = '';
    const code = await main(['synthesize', '--out', 'x.jsonl'], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--in/);
  });
});
