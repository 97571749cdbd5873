import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clinicianItem, verifiedReview } from '../tests/support/rubricFixtures';
import { ScriptedEngine } from '../tests/support/scriptedEngine';
import { parseHealthBenchLine } from '../src/lib/core/healthbench/format';
import { reviewToRecord } from '../src/lib/core/rubrics/convert';
import { recordLine } from '../src/lib/core/rubrics/jsonl';
import { regradeReview } from '../src/lib/core/rubrics/regrade';
import { preferResponse } from '../src/lib/core/rubrics/review';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'clinrevise-rubrics-'));
let n = 0;
function file(lines: string[]): string {
  const path = join(dir, `f${++n}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function runCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

async function records() {
  const graded = await regradeReview(new ScriptedEngine(), verifiedReview('rev-a', [clinicianItem('R6', 'Asks whether the child is drinking fluids')]), { now: () => 1 });
  const preferred = reviewToRecord(preferResponse(graded, 'round-2', 'round-0', false, 2));
  const tie = { ...reviewToRecord(preferResponse(graded, 'round-1', 'round-2', true, 2)), id: 'rev-tie' };
  const draft = { ...reviewToRecord({ ...graded, verified: null }), id: 'rev-draft' };
  return { preferred, tie, draft };
}

describe('clinrevise rubrics check', () => {
  it('exits 0 on a valid file', async () => {
    const { preferred, tie, draft } = await records();
    const result = await runCli(['rubrics', 'check', file([recordLine(preferred), '', recordLine(tie), recordLine(draft)])]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/3 valid records/) });
  });

  it('exits 1 with one line per problem, naming the line number and the field', async () => {
    const { preferred } = await records();
    const good = JSON.parse(recordLine(preferred)) as Record<string, unknown> & { rubric: { points: number }[] };
    const path = file([
      recordLine(preferred),
      '{"format": "healthrubrics/1",',
      JSON.stringify({ ...good, rubric: [{ ...good.rubric[0], points: 0 }] }),
      JSON.stringify({ ...good, id: 'x', verified_at: 'yesterday' }),
      JSON.stringify({ ...good, id: 'y', preference: { chosen: 'nope', rejected: 'round-0', tie: false } }),
      recordLine(preferred),
    ]);
    const { code, stdout } = await runCli(['rubrics', 'check', path]);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      `${path}:2: not valid JSON`,
      `${path}:3: rubric.0.points: points must be a whole number from -10 to 10, not 0`,
      `${path}:4: verified_at: verified_at must be an ISO 8601 UTC time such as 2026-12-01T21:00:00Z`,
      `${path}:5: preference.chosen: "nope" is not a response id`,
      `${path}:6: id: "rev-a" repeats line 1 (an import skips it)`,
    ]);
  });

  it('bad usage exits 2; a missing file exits 1 saying so', async () => {
    expect((await runCli(['rubrics', 'check'])).code).toBe(2);
    expect((await runCli(['rubrics', 'convert', '--to', 'csv', 'f'])).code).toBe(2);
    const missing = await runCli(['rubrics', 'check', join(dir, 'none.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
  });
});

describe('clinrevise rubrics convert', () => {
  it('--to dpo writes TRL conversational preference pairs: message lists with the right roles', async () => {
    const { preferred, tie, draft } = await records();
    const out = join(dir, 'pairs.jsonl');
    const { code, stderr } = await runCli(['rubrics', 'convert', '--to', 'dpo', file([recordLine(preferred), recordLine(tie), recordLine(draft)]), '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote 1 preference pair to .*; skipped 1 tie, 1 not verified/);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    const pair = lines[0]!;
    // What TRL's conversational preference format requires: prompt, chosen and rejected are lists of
    // {role, content} messages; the prompt ends with the user; each completion is one assistant message.
    expect(Object.keys(pair)).toEqual(['prompt', 'chosen', 'rejected', 'score_chosen', 'score_rejected']);
    for (const key of ['prompt', 'chosen', 'rejected']) {
      const messages = pair[key] as { role: string; content: string }[];
      expect(Array.isArray(messages)).toBe(true);
      for (const m of messages) {
        expect(Object.keys(m).sort()).toEqual(['content', 'role']);
        expect(typeof m.content).toBe('string');
      }
    }
    expect((pair.prompt as { role: string }[]).at(-1)!.role).toBe('user');
    expect((pair.chosen as { role: string }[]).map((m) => m.role)).toEqual(['assistant']);
    expect((pair.rejected as { role: string }[]).map((m) => m.role)).toEqual(['assistant']);
    expect(pair.chosen).toEqual([{ role: 'assistant', content: preferred.responses[2]!.content }]);
    expect(pair.score_chosen).toBeGreaterThan(pair.score_rejected as number);
  });

  it('--to healthbench writes lines the HealthBench reader accepts (to stdout without --out)', async () => {
    const { preferred, draft } = await records();
    const { code, stdout } = await runCli(['rubrics', 'convert', '--to', 'healthbench', file([recordLine(preferred), recordLine(draft)])]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = parseHealthBenchLine(lines[0]!, 1);
    expect(parsed.ok && parsed.example.rubrics.length).toBe(6);
  });

  it('converts nothing from a file with a bad line', async () => {
    const { preferred } = await records();
    const out = join(dir, 'never.jsonl');
    const { code, stderr } = await runCli(['rubrics', 'convert', '--to', 'dpo', file([recordLine(preferred), '[]']), '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/:2: .*nothing converted/s);
    expect(() => readFileSync(out)).toThrow();
  });
});
