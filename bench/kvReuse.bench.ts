// How often the revision loop makes web-llm prefill the same tokens: the real pipeline, prompts and
// web-llm adapter (page engine + worker protocol), over a scripted stand-in for web-llm that copies
// its KV-cache rule. A test double: it measures our reuse of web-llm's conversation, not model speed.

import { DEFAULT_RUN_OPTIONS } from '../src/lib/core/types';
import { runPipeline } from '../src/lib/core/pipeline/pipeline';
import { DEFAULT_WEBLLM_SETTINGS } from '../src/lib/engine/webllm/settings';
import type { ChatMessage } from '../src/lib/core/chat';
import { WebLlmEngine } from '../src/lib/engine/webllm/engine';
import { FakeWebLlm, InProcessWorker, fakeTokens } from '../tests/support/fakeWebLlm';
import { FIXTURE_PRINCIPLES } from '../tests/support/fixturePrinciples';
import { SCRIPTS, detectStep, type Step } from '../tests/support/scriptedReplies';
import type { BenchOutcome } from './run';
import { formatTable } from './table';

/** Prefilled tokens may exceed the ideal (each new message once) by at most this factor. */
const TARGET_RATIO = 1.05;

/**
 * Tokens a single-conversation KV cache must prefill at the least: when this call extends the previous
 * one (its messages, then the reply the model generated), only what comes after that reply.
 */
function idealPrefill(previousRequest: ChatMessage[] | null, messages: ChatMessage[]): number {
  const extends_ =
    previousRequest !== null &&
    previousRequest.length + 1 < messages.length &&
    previousRequest.every((m, i) => m.role === messages[i]!.role && m.content === messages[i]!.content) &&
    messages[previousRequest.length]!.role === 'assistant';
  return messages.slice(extends_ ? previousRequest.length + 1 : 0).reduce((n, m) => n + fakeTokens(m.content), 0);
}

export async function runBench(): Promise<BenchOutcome> {
  const steps: Step[] = [];
  const perStep = new Map<Step, number>();
  const engineSide = new FakeWebLlm((request) => {
    const step = detectStep(request.messages, undefined);
    steps.push(step);
    const nth = perStep.get(step) ?? 0;
    perStep.set(step, nth + 1);
    const reply = SCRIPTS.improves(step, { messages: request.messages, schemaName: undefined, nth });
    return { text: reply.text, finish: reply.finishReason === 'length' ? 'length' : 'stop', chunkSize: 64 };
  });
  const engine = await WebLlmEngine.create(
    { ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'Qwen3-4B-q4f32_1-MLC' },
    {},
    {
      probe: async () => ({ api: true, deviceMemoryGB: 16, failure: null, adapter: { vendor: 'bench', architecture: '', device: '', description: '', isFallback: false, shaderF16: true, maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 31 } }),
      estimate: async () => null,
      cachedBytes: async () => 0,
      spawn: () => new InProcessWorker((post) => ({ post, isCached: async () => true, loadEngine: async () => engineSide, diagnose: async () => undefined })),
    },
  );
  const question = 'My 70-year-old father has had chest tightness on and off since this morning. Should he go to the hospital?';
  for await (const event of runPipeline({ question, engine, principles: FIXTURE_PRINCIPLES, options: DEFAULT_RUN_OPTIONS, signal: new AbortController().signal })) {
    void event;
  }
  await engine.dispose();

  const rows: (string | number)[][] = [];
  let previous: ChatMessage[] | null = null;
  let ideal = 0;
  let naive = 0;
  engineSide.requests.forEach((request, i) => {
    const callIdeal = idealPrefill(previous, request.messages);
    ideal += callIdeal;
    naive += request.messages.reduce((n, m) => n + fakeTokens(m.content), 0);
    rows.push([i + 1, steps[i] ?? '?', engineSide.continued[i] ? 'yes' : 'no', engineSide.prefilled[i]!, callIdeal]);
    previous = request.messages;
  });
  const prefilled = engineSide.prefilled.reduce((a, b) => a + b, 0);
  const ratio = prefilled / ideal;
  const table = [
    formatTable(['call', 'step', 'continued', 'prefilled tokens', 'ideal'], rows),
    '',
    formatTable(['measure', 'tokens'], [
      ['prefilled (our adapter)', prefilled],
      ['ideal (each new message once)', ideal],
      ['without KV reuse (whole prompt every call)', naive],
      ['prefilled ÷ ideal', Number(ratio.toFixed(3))],
    ]),
    '',
    'Token counts are characters ÷ 4 from a scripted web-llm stand-in (test double), not a real tokenizer or model.',
  ].join('\n');
  return {
    name: 'kv-reuse',
    table,
    json: { calls: rows.length, prefilled, ideal, naive, ratio, continued: engineSide.continued, steps },
    missed: ratio <= TARGET_RATIO ? [] : [`prefilled ÷ ideal is ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO})`],
  };
}
