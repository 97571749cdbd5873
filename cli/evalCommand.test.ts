import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPTS, healthBenchGradingCall, type Script } from '../tests/support/scriptedReplies';
import { startScriptedServer, type ScriptedServer } from '../tests/support/scriptedServer';
import { parseCalibrationSet } from '../src/lib/core/eval/modelCheck';
import { seededRandom } from '../src/lib/core/random';
import { main } from './main';

let server: ScriptedServer;
let grader: ScriptedServer;
const dir = mkdtempSync(join(tmpdir(), 'clinrevise-eval-'));
const demo = 'datasets/healthbench-demo.jsonl';

beforeAll(async () => {
  server = await startScriptedServer();
  grader = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
  await grader.close();
});

async function runCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** A small data file: the first `n` demo examples. */
function demoSubset(n: number): string {
  const path = join(dir, `demo-${n}-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, readFileSync(demo, 'utf8').split('\n').slice(0, n).join('\n') + '\n');
  return path;
}

describe('clinrevise eval', () => {
  it('plain --json prints the report contract; replies come from the answer server, verdicts from the grader', async () => {
    const data = demoSubset(3);
    const beforeA = server.requests.length;
    const beforeG = grader.requests.length;
    const { code, stdout, stderr } = await runCli(['eval', '--data', data, '--base-url', server.url, '--model', 'm', '--grader-base-url', grader.url, '--grader-model', 'g', '--mode', 'plain', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['n_examples', 'mode', 'overall', 'tags']);
    expect(out).toMatchObject({ n_examples: 3, mode: 'plain', overall: { score: expect.any(Number), bootstrap_std: expect.any(Number), n: 3 } });
    expect(out.tags['theme:emergency_referrals']).toMatchObject({ n: 3 });
    expect(Object.keys(out.tags['axis:accuracy'])).toEqual(['score', 'bootstrap_std', 'n']);
    expect(server.requests.slice(beforeA).map((r) => r.step)).toEqual(['draft', 'draft', 'draft']);
    const items = readFileSync(data, 'utf8').trim().split('\n').reduce((n, l) => n + JSON.parse(l).rubrics.length, 0);
    const graded = grader.requests.slice(beforeG);
    expect(graded).toHaveLength(items);
    expect(graded.every((r) => r.step === 'hb_grade' && r.body.model === 'g')).toBe(true);
  });

  it('both: plain, revised and the paired difference; revised beats plain under the script', async () => {
    const data = demoSubset(4);
    const { code, stdout } = await runCli(['eval', '--data', data, '--base-url', server.url, '--model', 'm', '--mode', 'both', '--concurrency', '1', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['n_examples', 'mode', 'plain', 'revised', 'difference']);
    expect(out.n_examples).toBe(4);
    expect(out.revised.overall.score).toBe(1);
    expect(Object.keys(out.difference)).toEqual(['mean', 'ci95']);
    expect(out.difference.mean).toBeCloseTo(1 - out.plain.overall.score, 12);
    expect(out.difference.ci95[0]).toBeLessThanOrEqual(out.difference.mean);
    expect(out.difference.ci95[1]).toBeGreaterThanOrEqual(out.difference.mean);
  }, 60_000);

  it('--out writes one line per graded example and a second run resumes without new requests', async () => {
    const data = demoSubset(3);
    const out = join(dir, 'results.jsonl');
    const first = await runCli(['eval', '--data', data, '--base-url', server.url, '--model', 'm', '--mode', 'plain', '--out', out, '--limit', '2', '--json']);
    expect(first.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.prompt_id, l.mode]).sort()).toEqual([['demo-er-01', 'plain'], ['demo-er-02', 'plain']]);
    expect(lines[0]).toMatchObject({ reply: expect.any(String), score: expect.any(Number) });
    expect(Object.keys(lines[0].items[0])).toEqual(expect.arrayContaining(['criterion', 'points', 'met', 'explanation']));
    const before = server.requests.length;
    const second = await runCli(['eval', '--data', data, '--base-url', server.url, '--model', 'm', '--mode', 'plain', '--out', out, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).n_examples).toBe(3);
    // Only the third example ran: one draft and its items.
    expect(server.requests.slice(before).filter((r) => r.step === 'draft')).toHaveLength(1);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('refuses a file with bad lines, naming them, unless --skip-bad-lines', async () => {
    const data = join(dir, 'bad.jsonl');
    writeFileSync(data, `${readFileSync(demo, 'utf8').split('\n')[0]}\n{not json\n{"prompt_id":"x","prompt":[],"rubrics":[]}\n`);
    const before = server.requests.length;
    const refused = await runCli(['eval', '--data', data, '--base-url', server.url, '--model', 'm', '--mode', 'plain']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/2 bad line\(s\); nothing was run/);
    expect(refused.stderr).toMatch(/line 2: not valid JSON/);
    expect(refused.stderr).toMatch(/line 3: /);
    expect(server.requests.length).toBe(before);
    const skipped = await runCli(['eval', '--data', data, '--base-url', server.url, '--model', 'm', '--mode', 'plain', '--skip-bad-lines', '--json']);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout).n_examples).toBe(1);
  });

  it('exits 1 with the number of failed examples when the grader cannot give verdicts', async () => {
    const broken = await startScriptedServer({ script: (step, call) => (step === 'hb_grade' ? { text: 'no idea' } : SCRIPTS.improves(step, call)) });
    try {
      const { code, stderr, stdout } = await runCli(['eval', '--data', demoSubset(2), '--base-url', server.url, '--model', 'm', '--grader-base-url', broken.url, '--mode', 'plain']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/2 of 2 replies failed/);
      expect(stdout).toMatch(/Plain: /);
    } finally {
      await broken.close();
    }
  });

  it('prints a readable report with the cost line', async () => {
    const { code, stdout } = await runCli(['eval', '--data', demoSubset(2), '--base-url', server.url, '--model', 'm', '--mode', 'plain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Plain: \d+\.\d% ± \d+\.\d% \(n=2\)/);
    expect(stdout).toMatch(/Cost: \d+ calls · \d+ tokens prefilled · \d+ decoded/);
  });

  it('on a terminal, progress shows count, rate and ETA on stderr', async () => {
    let stderr = '';
    const code = await main(['eval', '--data', demoSubset(2), '--base-url', server.url, '--model', 'm', '--mode', 'plain', '--concurrency', '1', '--json'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t), isTTY: true },
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[1\/2, [\d.]+\/min, ETA \d+ min\] — demo-er-01 plain/);
    expect(stderr).toMatch(/\[2\/2/);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['eval', '--base-url', server.url, '--model', 'm'])).code).toBe(2);
    expect((await runCli(['eval', '--data', demo, '--base-url', server.url, '--model', 'm', '--mode', 'better'])).stderr).toMatch(/--mode must be plain, revised or both/);
    expect((await runCli(['eval', '--data', demo, '--base-url', server.url, '--model', 'm', '--concurrency', '0'])).code).toBe(2);
    expect((await runCli(['eval', '--data', join(dir, 'missing.jsonl'), '--base-url', server.url, '--model', 'm'])).code).toBe(2);
  });
});

describe('clinrevise check-model', () => {
  const cases = parseCalibrationSet(readFileSync('datasets/model-check.jsonl', 'utf8'));
  const truth = new Map(cases.map((c) => [`${c.criterion}\u0000${c.reply}`, c.verdict]));
  const knowing: Script = (step, call) => {
    if (step !== 'hb_grade') return SCRIPTS.improves(step, call);
    const { criterion, reply } = healthBenchGradingCall(call.messages);
    return { text: JSON.stringify({ explanation: 'known', criteria_met: truth.get(`${criterion}\u0000${reply}`) ?? false }) };
  };
  const random = seededRandom(3);
  const guessing: Script = (step, call) => (step === 'hb_grade' ? { text: JSON.stringify({ explanation: '', criteria_met: random() < 0.5 }) } : SCRIPTS.improves(step, call));

  it('--json: a grader that knows the verdicts is suitable', async () => {
    const s = await startScriptedServer({ script: knowing });
    try {
      const { code, stdout } = await runCli(['check-model', '--base-url', s.url, '--model', 'm', '--json']);
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(Object.keys(out)).toEqual(['verdict', 'grading', 'structured', 'speed']);
      expect(out).toMatchObject({ verdict: 'suitable', grading: { accuracy: 1, macro_f1: 1, n: cases.length }, structured: { classify: 1, rubric: 1, grade: 1 } });
      expect(Object.keys(out.speed)).toEqual(['prefill_tps', 'decode_tps']);
    } finally {
      await s.close();
    }
  });

  it('a guessing grader is not suitable, with the reasons in the readable report', async () => {
    const s = await startScriptedServer({ script: guessing });
    try {
      const { code, stdout } = await runCli(['check-model', '--base-url', s.url, '--model', 'm', '--concurrency', '1']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Verdict: Not suitable/);
      expect(stdout).toMatch(/macro F1 0\.\d+/);
    } finally {
      await s.close();
    }
  });
});
