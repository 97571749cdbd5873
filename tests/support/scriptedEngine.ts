// An in-process ChatEngine double driven by a named script, for unit tests of the pipeline.
// It streams replies in small pieces, honours AbortSignal, and records every call.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../src/lib/core/chat';
import { ThinkFilter } from '../../src/lib/engine/thinkFilter';
import { SCRIPTS, detectStep, type Script, type ScriptName, type Step } from './scriptedReplies';

export interface RecordedCall {
  step: Step;
  messages: ChatMessage[];
  options: ChatOptions;
}

export class ScriptedEngine implements ChatEngine {
  readonly label = 'scripted engine (test double)';
  readonly calls: RecordedCall[] = [];
  readonly #script: Script;
  readonly #perStep = new Map<Step, number>();

  constructor(
    script: ScriptName | Script = 'improves',
    readonly contextWindow: number | null = 32768,
    /** Called before each reply, e.g. to abort mid-run. */
    private readonly beforeReply?: (call: RecordedCall) => void | Promise<void>,
  ) {
    this.#script = typeof script === 'string' ? SCRIPTS[script] : script;
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const step = detectStep(messages, options.schema?.name);
    const call: RecordedCall = { step, messages: structuredClone(messages), options };
    this.calls.push(call);
    const nth = this.#perStep.get(step) ?? 0;
    this.#perStep.set(step, nth + 1);
    await this.beforeReply?.(call);
    options.signal?.throwIfAborted();
    const reply = this.#script(step, { messages, schemaName: options.schema?.name, nth });
    const filter = new ThinkFilter();
    let text = '';
    for (const piece of reply.text.match(/.{1,8}/gs) ?? []) {
      options.signal?.throwIfAborted();
      const visible = filter.push(piece);
      text += visible;
      if (visible) options.onToken?.(visible);
      await Promise.resolve();
    }
    text += filter.flush();
    return {
      text: text.trim(),
      finishReason: reply.finishReason ?? 'stop',
      usage: { promptTokens: null, completionTokens: null },
    };
  }

  async dispose(): Promise<void> {}

  /** The steps called, in order. */
  get steps(): Step[] {
    return this.calls.map((c) => c.step);
  }
}
