// A scripted OpenAI-compatible server on 127.0.0.1 for CLI, engine and browser tests. It is a test
// double: it replies from a named script, not from a model. Failure modes are switchable per test.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage } from '../../src/lib/core/chat';
import { SCRIPTS, detectStep, type Script, type ScriptName, type Step } from './scriptedReplies';

export type ServerBehaviour =
  | 'normal'
  /** Every completion answers HTTP 500. */
  | 'http500'
  /** Accepts the request and never answers (for timeouts). */
  | 'hang'
  /** Streams a chunk that is not JSON. */
  | 'malformedStream'
  /** Answers 400 whenever response_format is sent (servers without json_schema support). */
  | 'rejectSchema'
  /** Every completion answers 400 (e.g. a prompt longer than the server's context). */
  | 'http400'
  /** Ignores stream:true and sends one JSON body. */
  | 'noStream';

export interface ScriptedServerOptions {
  /** A named script, or a script of the test's own (e.g. answers carrying a foreign host's address). */
  script?: ScriptName | Script;
  behaviour?: ServerBehaviour;
  /** Delay between streamed chunks of answers (draft, revise), ms — makes Stop testable. */
  answerChunkDelayMs?: number;
  /**
   * The next request for this step streams a few pieces, then the server "dies" (its socket is
   * destroyed); the option then clears itself, as a restarted server answers again.
   */
  dieMidReplyAt?: Step | null;
  /** Requests for this step are accepted and never answered (a server hung in one step). */
  hangAt?: Step | null;
}

export interface RecordedRequest {
  step: Step;
  body: { model?: string; messages: ChatMessage[]; response_format?: unknown; stream?: boolean; max_tokens?: number };
  authorization: string | undefined;
}

export interface ScriptedServer {
  /** Base URL including /v1. */
  url: string;
  requests: RecordedRequest[];
  options: ScriptedServerOptions;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server on a free port. `options` may be changed between requests. */
export async function startScriptedServer(options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const perStep = new Map<Step, number>();
  const open = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ data: [{ id: 'scripted' }] }));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(await readBody(req)) as RecordedRequest['body'] & {
      response_format?: { json_schema?: { name?: string } };
    };
    const schemaName = body.response_format?.json_schema?.name;
    const step = detectStep(body.messages, schemaName);
    requests.push({ step, body, authorization: req.headers.authorization });
    const behaviour = server.options.behaviour ?? 'normal';

    if (behaviour === 'hang' || server.options.hangAt === step) {
      open.add(res);
      return;
    }
    if (behaviour === 'http500') {
      res.writeHead(500, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'model crashed' } }));
      return;
    }
    if (behaviour === 'http400') {
      res.writeHead(400, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'the request exceeds the context size' } }));
      return;
    }
    if (behaviour === 'rejectSchema' && body.response_format) {
      res.writeHead(400, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'response_format not supported' } }));
      return;
    }
    // A draft starts a new run (it comes first): script counters restart. So does a classification,
    // which comes before any grading — the one start a run that checks the user's own draft has.
    if (step === 'draft' || step === 'classify') perStep.clear();
    const nth = perStep.get(step) ?? 0;
    perStep.set(step, nth + 1);
    const chosen = server.options.script ?? 'improves';
    const script = typeof chosen === 'function' ? chosen : SCRIPTS[chosen];
    const reply = script(step, { messages: body.messages, schemaName, nth });
    const finish = reply.finishReason ?? 'stop';
    const usage = { prompt_tokens: 100, completion_tokens: Math.ceil(reply.text.length / 4) };

    if (behaviour === 'noStream' || body.stream === false) {
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(
        JSON.stringify({ choices: [{ message: { role: 'assistant', content: reply.text }, finish_reason: finish }], usage }),
      );
      return;
    }
    res.writeHead(200, { ...CORS, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    open.add(res);
    const send = (data: unknown) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    if (behaviour === 'malformedStream') {
      send({ choices: [{ delta: { content: 'Hel' } }] });
      res.write('data: {this is not json\n\n');
      res.end();
      open.delete(res);
      return;
    }
    let sent = 0;
    for (const piece of reply.text.match(/[\s\S]{1,6}/g) ?? []) {
      if (res.destroyed) return;
      if (server.options.dieMidReplyAt === step && sent++ === 3) {
        server.options.dieMidReplyAt = null;
        // Let what was written reach the client first, as when a real server process dies mid-reply.
        await sleep(50);
        open.delete(res);
        res.socket?.destroy();
        return;
      }
      send({ choices: [{ delta: { content: piece }, finish_reason: null }] });
      const delay = step === 'draft' || step === 'revise' ? server.options.answerChunkDelayMs : 0;
      if (delay) await sleep(delay);
    }
    send({ choices: [{ delta: {}, finish_reason: finish }] });
    send({ choices: [], usage });
    send('[DONE]');
    res.end();
    open.delete(res);
  }

  const http: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, CORS);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  const server: ScriptedServer = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    options,
    async close() {
      for (const res of open) res.destroy();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
