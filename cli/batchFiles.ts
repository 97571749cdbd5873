// Batch-file mode for very large jobs: the requests synthesis would send, as OpenAI Batch API input
// lines (which `vllm run-batch` also reads), and the replies read back from their output files.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../src/lib/core/chat';
import { chatCompletionBody } from '../src/lib/engine/openai/requestBody';

/** Which structured step a request belongs to, from its schema name. */
export type BatchStep = 'classify' | 'rubric';

const STEP_OF_SCHEMA: Record<string, BatchStep> = { scenario: 'classify', rubric: 'rubric' };

/** The custom_id of a query's request for one step. Ids may contain anything; the step is after the last "::". */
export function customId(queryId: string, step: BatchStep): string {
  return `${queryId}::${step}`;
}

/** The query id and step of a custom_id, or null when it is not one of ours. */
export function parseCustomId(id: string): { queryId: string; step: BatchStep } | null {
  const at = id.lastIndexOf('::');
  const step = id.slice(at + 2);
  return at > 0 && (step === 'classify' || step === 'rubric') ? { queryId: id.slice(0, at), step } : null;
}

/** Replies read from batch output files for one query, by step (an error string when the request failed). */
export type BatchReplies = Partial<Record<BatchStep, { content: string } | { error: string }>>;

/** Thrown by BatchEngine for a request that has no reply yet: it becomes a batch input line. */
export class DeferredRequest extends Error {
  constructor(
    readonly queryId: string,
    readonly step: BatchStep,
    private readonly body: Record<string, unknown>,
  ) {
    super(`the ${step} request of ${queryId} waits for a batch reply`);
    this.name = 'DeferredRequest';
  }

  /** The OpenAI Batch API input line. */
  batchLine(): { custom_id: string; method: 'POST'; url: string; body: Record<string, unknown> } {
    return { custom_id: customId(this.queryId, this.step), method: 'POST', url: '/v1/chat/completions', body: this.body };
  }
}

/** A reply that came back from the batch as an error: the query fails at that step. */
export class BatchReplyError extends Error {
  constructor(step: BatchStep, detail: string) {
    super(`the batch ${step} request failed: ${detail}`);
    this.name = 'BatchReplyError';
  }
}

/**
 * A ChatEngine for one query in batch-file mode: answers each structured step from the batch output
 * when there is one (a repair request gets the same reply, so an unusable reply falls back as it
 * would live), and otherwise defers the request as a batch line built exactly as the live engine would.
 */
export class BatchEngine implements ChatEngine {
  readonly label: string;

  constructor(
    private readonly queryId: string,
    private readonly model: string,
    private readonly replies: BatchReplies | undefined,
    readonly contextWindow: number | null,
  ) {
    this.label = `${model} (batch files)`;
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const step = STEP_OF_SCHEMA[options.schema?.name ?? ''];
    if (!step) throw new Error(`batch mode has no step for schema "${options.schema?.name ?? 'none'}"`);
    const reply = this.replies?.[step];
    if (!reply) throw new DeferredRequest(this.queryId, step, chatCompletionBody(this.model, messages, options, { stream: false }));
    if ('error' in reply) throw new BatchReplyError(step, reply.error);
    return { text: reply.content, finishReason: 'stop', usage: { promptTokens: null, completionTokens: null } };
  }

  async dispose(): Promise<void> {}
}

type Choices = { choices?: { message?: { content?: unknown } }[] };

interface BatchOutputLine {
  custom_id?: unknown;
  /** OpenAI's layout wraps the completion in `body` with a status; some tools write the completion itself. */
  response?: ({ status_code?: unknown; body?: Choices } & Choices) | null;
  error?: unknown;
}

/**
 * Reads OpenAI Batch API / `vllm run-batch` output files into replies per query id. Kept in memory
 * by id (the content only), since outputs need not come back in input order.
 */
export async function readBatchOutputs(paths: readonly string[]): Promise<Map<string, BatchReplies>> {
  const byQuery = new Map<string, BatchReplies>();
  for (const path of paths) {
    for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
      if (!text.trim()) continue;
      let line: BatchOutputLine;
      try {
        line = JSON.parse(text) as BatchOutputLine;
      } catch {
        continue;
      }
      const id = typeof line.custom_id === 'string' ? parseCustomId(line.custom_id) : null;
      if (!id) continue;
      const replies = byQuery.get(id.queryId) ?? {};
      const status = line.response?.status_code;
      const content = (line.response?.body ?? line.response)?.choices?.[0]?.message?.content;
      if (line.error || (typeof status === 'number' && status !== 200) || typeof content !== 'string') {
        const detail = line.error ? JSON.stringify(line.error) : `status ${String(status ?? 'missing')}`;
        replies[id.step] = { error: detail.slice(0, 300) };
      } else {
        replies[id.step] = { content };
      }
      byQuery.set(id.queryId, replies);
    }
  }
  return byQuery;
}
