// An engine dying mid-run, for each engine kind that can be driven in Node: the run fails at the
// step in flight with a message naming the step once (in the banner), the server or engine, and
// what to do; Resume then continues from that step with every completed step kept.
// web-llm runs on its in-process fake and the server engine on the scripted server (test doubles);
// the GGUF worker dying is in tests/e2e/faults.e2e.test.ts (real worker, real wllama).

import { afterEach, describe, expect, it } from 'vitest';
import { FakeWebLlm, InProcessWorker } from '../../../tests/support/fakeWebLlm';
import { FIXTURE_PRINCIPLES } from '../../../tests/support/fixturePrinciples';
import { SCRIPTS, detectStep, type Step } from '../../../tests/support/scriptedReplies';
import { startScriptedServer, type ScriptedServer } from '../../../tests/support/scriptedServer';
import type { ChatEngine } from '../core/chat';
import { createRun } from '../core/pipeline/fold';
import { runPipeline } from '../core/pipeline/pipeline';
import { DEFAULT_RUN_OPTIONS, type Run } from '../core/types';
import { OpenAiCompatibleEngine } from './openai/engine';
import { DEFAULT_OPENAI_SETTINGS } from './openai/settings';
import type { WebLlmDeps } from './webllm/browserDeps';
import { WebLlmEngine } from './webllm/engine';
import { DEFAULT_WEBLLM_SETTINGS } from './webllm/settings';
import { recordRun, type LiveText } from '../services/recordRun';

const question = 'My son has had a fever and a cough for two days. Should he see a doctor?';

/** Runs (or resumes) the pipeline on `engine` to its end; `onLive` sees the text as it streams. */
function drive(engine: ChatEngine, run: Run, resume: boolean, onLive?: (live: LiveText) => void): Promise<Run> {
  const events = runPipeline({
    question,
    engine,
    principles: FIXTURE_PRINCIPLES,
    options: run.options,
    signal: new AbortController().signal,
    resume: resume ? run : undefined,
  });
  return recordRun({ run, events, save: async () => {}, onChange: (_r, live) => live && onLive?.(live) });
}

const newRun = (engine: ChatEngine) => createRun({ id: 'r1', question, options: DEFAULT_RUN_OPTIONS, engineLabel: engine.label, now: 1 });

/** What a resumed run must keep: the draft, scenario, pool and rubric of the failed attempt. */
function expectCompletedStepsKept(failed: Run, resumed: Run): void {
  expect(resumed.status).toBe('done');
  expect(resumed.rounds[0]).toEqual(failed.rounds[0]);
  expect(resumed.scenario).toEqual(failed.scenario);
  expect(resumed.pool).toEqual(failed.pool);
  expect(resumed.rubric).toEqual(failed.rubric);
}

describe('the server dies mid-reply (OpenAI-compatible engine, scripted server)', () => {
  let server: ScriptedServer;
  afterEach(async () => {
    await server?.close();
  });

  it('fails at the revision, naming the server and Resume, and resumes from the revision', async () => {
    server = await startScriptedServer({ dieMidReplyAt: 'revise' });
    const engine = await OpenAiCompatibleEngine.create({ ...DEFAULT_OPENAI_SETTINGS, baseUrl: server.url, model: 'scripted' });
    const failed = await drive(engine, newRun(engine), false);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatchObject({ step: 'revise', code: 'server_connection_lost' });
    expect(failed.failure?.message).toContain(server.url);
    expect(failed.failure?.message).toMatch(/press Resume to continue from this step/);
    expect(failed.failure?.message).not.toMatch(/Unexpected error|Revising the answer failed/);
    expect(failed.rounds).toHaveLength(1);

    const before = server.requests.length;
    const resumed = await drive(engine, failed, true);
    expectCompletedStepsKept(failed, resumed);
    // Nothing completed is asked again: the resumed run starts with the revision.
    expect(server.requests.slice(before).map((r) => r.step)[0]).toBe('revise');
    expect(server.requests.slice(before).map((r) => r.step)).not.toContain('classify');
  });
});

describe('the GPU is lost mid-reply (web-llm engine, in-process fake worker)', () => {
  it('fails at the revision with the device-lost message, and resumes on the reloaded model', async () => {
    const workers: InProcessWorker[] = [];
    const perStep = new Map<Step, number>();
    const deps: WebLlmDeps = {
      probe: async () => ({
        api: true,
        deviceMemoryGB: 16,
        failure: null,
        adapter: { vendor: 'v', architecture: 'a', device: '', description: '', isFallback: false, shaderF16: false, maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 30 },
      }),
      estimate: async () => ({ usage: 0, quota: 100e9 }),
      cachedBytes: async () => 0,
      spawn: () => {
        const fake = new FakeWebLlm((request) => {
          const step = detectStep(request.messages, undefined);
          const nth = perStep.get(step) ?? 0;
          perStep.set(step, nth + 1);
          const reply = SCRIPTS.improves(step, { messages: request.messages, schemaName: undefined, nth });
          // Answers stream slowly enough for the GPU to go mid-reply.
          return { text: reply.text, chunkSize: 6, delayMs: step === 'revise' ? 2 : 0 };
        });
        const worker = new InProcessWorker((post) => ({ post, isCached: async () => true, loadEngine: async () => fake, diagnose: async () => undefined }));
        workers.push(worker);
        return worker;
      },
    };
    const engine = await WebLlmEngine.create({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'Qwen3-4B-q4f32_1-MLC' }, {}, deps);
    let lost = false;
    const failed = await drive(engine, newRun(engine), false, (live) => {
      if (live.step === 'revise' && !lost) {
        lost = true;
        workers.at(-1)!.crash();
      }
    });
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatchObject({ step: 'revise', code: 'gpu_device_lost' });
    expect(failed.failure?.message).toMatch(/GPU stopped responding.*press Resume to continue/);
    expect(failed.failure?.message).not.toMatch(/Revising the answer failed/);

    const resumed = await drive(engine, failed, true);
    expectCompletedStepsKept(failed, resumed);
    expect(workers.length).toBeGreaterThanOrEqual(2);
  });
});
