import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../tests/support/scriptedServer';
import { ScenarioSchema } from '../src/lib/core/schemas';
import { main, type AskJson } from './main';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await server.close();
});

async function runCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

// The first run loads the tokenizer, which takes seconds on a busy machine.
describe('clinrevise ask', { timeout: 30_000 }, () => {
  it('prints exactly one JSON object following the contract', async () => {
    const { code, stdout, stderr } = await runCli(['ask', '--base-url', server.url, '--model', 'scripted', '--json', 'Fever and cough for two days in my son?']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as AskJson;
    expect(Object.keys(out)).toEqual(['question', 'scenario', 'principles', 'rubric', 'rounds', 'final']);
    expect(Object.keys(out.scenario).sort()).toEqual(['expertise', 'task_type', 'uncertainty', 'urgency']);
    expect(out.rubric[0]).toEqual({ criterion: expect.any(String), points: 8, axis: 'accuracy', principle_id: null });
    expect(out.rounds).toHaveLength(3);
    for (const round of out.rounds) expect(round.grades).toHaveLength(out.rubric.length);
    expect(out.final.round).toBe(2);
    expect(out.final.answer).toBe(out.rounds[2]!.answer);
    expect(out.final.score).toBe(Math.max(...out.rounds.map((r) => r.score)));
  });

  it('--rounds limits the revisions', async () => {
    const { stdout } = await runCli(['ask', '--base-url', server.url, '--model', 'm', '--rounds', '1', '--target', '1', '--json', 'q?']);
    expect((JSON.parse(stdout) as AskJson).rounds).toHaveLength(2);
  });

  it('--grading per-item grades each rubric item in its own request, with the same JSON shape', async () => {
    const before = server.requests.length;
    const { code, stdout } = await runCli(['ask', '--base-url', server.url, '--model', 'm', '--grading', 'per-item', '--json', 'Fever and cough for two days in my son?']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as AskJson;
    const steps = server.requests.slice(before).map((r) => r.step);
    expect(steps.filter((s) => s === 'grade_item')).toHaveLength(out.rounds.length * out.rubric.length);
    expect(steps).not.toContain('grade');
    for (const round of out.rounds) expect(round.grades).toHaveLength(out.rubric.length);
    expect(out.final.round).toBe(2);
  });

  it('prints a readable report without --json', async () => {
    const { code, stdout } = await runCli(['ask', '--base-url', server.url, '--model', 'm', 'Fever in my son?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Scenario: urgency=urgent/);
    expect(stdout).toMatch(/Final answer \(round 2/);
  });

  it('classifies with the rules when they are confident, and with the model given --scenario model', async () => {
    const question = 'My dad suddenly cannot lift his right arm and his speech is slurred, it started 20 minutes ago. What do I do?';
    const stepsOf = async (...flags: string[]) => {
      const before = server.requests.length;
      const { code, stdout } = await runCli(['ask', '--base-url', server.url, '--model', 'm', '--rounds', '0', ...flags, question]);
      expect(code).toBe(0);
      return { steps: server.requests.slice(before).map((r) => r.step), stdout };
    };
    const auto = await stepsOf();
    expect(auto.steps).not.toContain('classify');
    expect(auto.stdout).toMatch(/Scenario: .*\(rule classifier, confident; no model call\)/);
    const model = await stepsOf('--scenario', 'model');
    expect(model.steps).toContain('classify');
    expect(model.stdout).not.toMatch(/rule classifier/);
    const bad = await runCli(['ask', '--base-url', server.url, '--model', 'm', '--scenario', 'rules', 'q?']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--scenario must be one of auto, model/);
  });

  it('exits 2 with usage on bad usage', async () => {
    for (const argv of [[], ['ask', 'q'], ['ask', '--base-url', server.url, '--model', 'm'], ['ask', '--base-url', server.url, '--model', 'm', '--rounds', 'x', 'q'], ['ask', '--base-url', server.url, '--model', 'm', '--grading', 'sometimes', 'q'], ['frobnicate']]) {
      const { code, stderr, stdout } = await runCli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(/Usage:/);
      expect(stdout).toBe('');
    }
  });

  it('refuses run options the Settings form refuses, naming the flag', async () => {
    for (const [flag, value] of [['--rounds', '6'], ['--target', '0'], ['--target', '1.5']] as const) {
      const { code, stderr } = await runCli(['ask', '--base-url', server.url, '--model', 'm', flag, value, 'q?']);
      expect(code, `${flag} ${value}`).toBe(2);
      expect(stderr).toContain(`${flag}:`);
    }
    const { code, stderr } = await runCli(['principles', '--for', 'chest pain', '--size', '31']);
    expect(code).toBe(2);
    expect(stderr).toContain('--size:');
  });

  it('exits 1 with one line naming the server and the step when the server fails', async () => {
    server.options.behaviour = 'http500';
    try {
      const { code, stderr, stdout } = await runCli(['ask', '--base-url', server.url, '--model', 'm', '--json', 'q?']);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/Drafting the answer failed/);
      expect(stderr).toContain(server.url);
    } finally {
      server.options.behaviour = 'normal';
    }
  });
});

describe('clinrevise scenario / principles', () => {
  it('classifies without a model', async () => {
    const { code, stdout } = await runCli(['scenario', 'I have crushing chest pain and my left arm is numb']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ urgency: 'emergent' });
  });

  it('prints exactly the four scenario fields with allowed values', async () => {
    const { code, stdout, stderr } = await runCli(['scenario', 'Write a SOAP note for a 45-year-old with 3 days of cough']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const scenario = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(scenario).sort()).toEqual(['expertise', 'task_type', 'uncertainty', 'urgency']);
    expect(ScenarioSchema.safeParse(scenario).success).toBe(true);
    expect(scenario.task_type).toBe('documentation');
  });

  it('gives an emergent layperson question urgency and expertise principles, each with a reason, within the size', async () => {
    const question = 'My dad collapsed and is not breathing, what do I do?';
    const { stdout } = await runCli(['principles', '--for', question]);
    const pool = JSON.parse(stdout) as { id: string; dimension: string; title: string; reason: string }[];
    expect(pool.length).toBeLessThanOrEqual(12);
    expect(pool.map((p) => p.dimension)).toEqual(expect.arrayContaining(['urgency', 'expertise']));
    for (const p of pool) expect(p.reason).toMatch(/^(Applies to|The question mentions) .+\.$/);
    const small = JSON.parse((await runCli(['principles', '--for', question, '--size', '3'])).stdout) as unknown[];
    expect(small).toHaveLength(3);
    expect((await runCli(['principles', '--for', question])).stdout).toBe(stdout);
    expect((await runCli(['principles', '--for', question, '--size', '0'])).code).toBe(2);
  });

  it('reads a Chinese question: classifies it and pools the matching presentation principle first', async () => {
    const question = '我儿子14岁，早上醒来左边睾丸突然剧痛';
    expect(JSON.parse((await runCli(['scenario', question])).stdout)).toMatchObject({ urgency: 'emergent', expertise: 'layperson' });
    const pool = JSON.parse((await runCli(['principles', '--for', question])).stdout) as { id: string; reason: string }[];
    expect(pool[0]!.id).toBe('URG-017');
    expect(pool[0]!.reason).toMatch(/^The question mentions “睾丸/);
    expect(pool.map((p) => p.id)).not.toContain('URG-004');
  });

  it('prints the pool as [{id, dimension, title, reason}]', async () => {
    const { code, stdout } = await runCli(['principles', '--for', 'I have crushing chest pain and my left arm is numb']);
    expect(code).toBe(0);
    const pool = JSON.parse(stdout) as Record<string, unknown>[];
    expect(pool.length).toBeGreaterThan(0);
    expect(Object.keys(pool[0]!)).toEqual(['id', 'dimension', 'title', 'reason']);
  });
});

describe('npx clinrevise (a real process)', () => {
  it('runs through the bin entry and exits with the contract codes', async () => {
    const exec = promisify(execFile);
    const ok = await exec('node', ['cli/bin.mjs', 'scenario', 'my baby has a fever']);
    expect(JSON.parse(ok.stdout)).toHaveProperty('urgency');
    const bad = await exec('node', ['cli/bin.mjs', 'ask']).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
  }, 30_000);
});
