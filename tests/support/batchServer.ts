// A scripted OpenAI-compatible server for batch work (rubric synthesis at scale): a fixed latency per
// request and a fixed capacity (requests beyond it queue), and faults chosen by markers in the
// question. It is a test double: replies come from the scripts in scriptedReplies.ts, not a model.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage } from '../../src/lib/core/chat';
import { SCRIPTS, detectStep } from './scriptedReplies';

export interface BatchServerOptions {
  /** Time each request takes once it is being served, ms. */
  latencyMs?: number;
  /** Requests served at once; more wait in a queue. */
  capacity?: number;
  /** Retry-After sent with 429 and 503 answers, in seconds (may be fractional). */
  retryAfterSeconds?: number;
}

export interface BatchServer {
  url: string;
  /** Requests answered (any status), by step. */
  served: { classify: number; rubric: number; other: number; errors: number };
  /** Most requests being served at once so far. */
  peakConcurrent: number;
  close(): Promise<void>;
}

/**
 * Markers a test puts in a question: `[429-once]` (first attempt answers 429 with Retry-After),
 * `[503-twice]` (two 503s, then fine), `[always-500]`, `[slow]` (+400 ms), `[bad-rubric]` (rubric
 * replies are not JSON, so the principle checks stand in).
 */
const MARKERS = /\[(429-once|503-twice|always-500|slow|bad-rubric)\]/g;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server on a free port of 127.0.0.1. */
export async function startBatchServer(options: BatchServerOptions = {}): Promise<BatchServer> {
  const latency = options.latencyMs ?? 0;
  const capacity = options.capacity ?? Infinity;
  const retryAfter = String(options.retryAfterSeconds ?? 0.05);
  const attempts = new Map<string, number>();
  const waiting: (() => void)[] = [];
  let active = 0;

  const acquire = async () => {
    if (active >= capacity) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    server.peakConcurrent = Math.max(server.peakConcurrent, active);
  };
  const release = () => {
    active--;
    waiting.shift()?.();
  };

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return json(res, 404, { error: { message: 'not found' } });
    const body = JSON.parse(await readBody(req)) as { messages: ChatMessage[]; response_format?: { json_schema?: { name?: string } } };
    const schemaName = body.response_format?.json_schema?.name;
    const step = detectStep(body.messages, schemaName);
    const text = body.messages.map((m) => m.content).join('\n');
    const markers = new Set([...text.matchAll(MARKERS)].map((m) => m[1]!));
    const key = `${step}:${text}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);

    await acquire();
    try {
      await sleep(latency + (markers.has('slow') ? 400 : 0));
      if (markers.has('always-500')) {
        server.served.errors++;
        return json(res, 500, { error: { message: 'the model crashed' } });
      }
      if ((markers.has('429-once') && attempt === 1) || (markers.has('503-twice') && attempt <= 2)) {
        server.served.errors++;
        const status = markers.has('429-once') ? 429 : 503;
        return json(res, status, { error: { message: 'busy' } }, { 'retry-after': retryAfter });
      }
      if (step === 'classify') server.served.classify++;
      else if (step === 'rubric') server.served.rubric++;
      else server.served.other++;
      const reply =
        step === 'rubric' && markers.has('bad-rubric') ? { text: 'I would rather not.' } : SCRIPTS.improves(step, { messages: body.messages, schemaName, nth: 0 });
      return json(res, 200, {
        choices: [{ message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: Math.ceil(reply.text.length / 4) },
      });
    } finally {
      release();
    }
  }

  const http: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  http.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const server: BatchServer = {
    url: `http://127.0.0.1:${port}/v1`,
    served: { classify: 0, rubric: 0, other: 0, errors: 0 },
    peakConcurrent: 0,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
