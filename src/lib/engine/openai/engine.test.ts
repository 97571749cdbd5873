import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '../../../../tests/support/scriptedServer';
import { isAbortError } from '../../core/errors';
import { MalformedResponseError, ServerConnectionLostError, ServerHttpError, ServerTimeoutError, ServerUnreachableError } from './errors';
import { classifyMessages } from '../../core/scenario/classifyPrompt';
import { OpenAiCompatibleEngine } from './engine';
import { DEFAULT_OPENAI_SETTINGS } from './settings';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

const engineFor = (url: string, extra: Partial<typeof DEFAULT_OPENAI_SETTINGS> = {}) =>
  OpenAiCompatibleEngine.create({ ...DEFAULT_OPENAI_SETTINGS, baseUrl: `${url}/`, model: 'scripted', ...extra });
const ask = [{ role: 'user' as const, content: 'How do I treat a mild sore throat?' }];

describe('OpenAiCompatibleEngine', () => {
  it('streams tokens and returns the whole reply with usage', async () => {
    const tokens: string[] = [];
    const result = await (await engineFor(server.url)).chat(ask, { onToken: (t) => tokens.push(t) });
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toBe(result.text);
    expect(result.text).toMatch(/Draft answer/);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.promptTokens).toBe(100);
  });

  it('sends json_schema response_format, the API key and the model', async () => {
    await (await engineFor(server.url, { apiKey: 'sekret' })).chat(ask, { schema: { name: 'scenario', schema: { type: 'object' } } });
    const req = server.requests[0]!;
    expect(req.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'scenario', schema: { type: 'object' } } });
    expect(req.authorization).toBe('Bearer sekret');
    expect(req.body.model).toBe('scripted');
  });

  it('falls back to plain prompting when the server rejects response_format', async () => {
    server.options.behaviour = 'rejectSchema';
    const engine = await engineFor(server.url);
    const classify = classifyMessages('Is a sore throat serious?');
    const result = await engine.chat(classify, { schema: { name: 'scenario', schema: {} } });
    expect(result.text).toMatch(/urgency/);
    await engine.chat(classify, { schema: { name: 'scenario', schema: {} } });
    expect(server.requests.map((r) => Boolean(r.body.response_format))).toEqual([true, false, false]);
  });

  it('keeps sending the schema after a 400 that was not about the schema', async () => {
    const engine = await engineFor(server.url);
    const classify = classifyMessages('Is a sore throat serious?');
    server.options.behaviour = 'http400';
    const err = await engine.chat(classify, { schema: { name: 'scenario', schema: {} } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerHttpError);
    expect((err as Error).message).toMatch(/exceeds the context size/);
    server.options.behaviour = 'normal';
    await engine.chat(classify, { schema: { name: 'scenario', schema: {} } });
    expect(server.requests.at(-1)?.body.response_format).toBeDefined();
  });

  it('reads a server that ignores stream:true', async () => {
    server.options.behaviour = 'noStream';
    const result = await (await engineFor(server.url)).chat(ask);
    expect(result.text).toMatch(/Draft answer/);
  });

  it('names the server when it is unreachable', async () => {
    const url = server.url;
    await server.close();
    const err = await (await engineFor(url)).chat(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerUnreachableError);
    expect((err as Error).message).toContain('127.0.0.1');
    server = await startScriptedServer();
  });

  it('reports HTTP errors with the server’s own message', async () => {
    server.options.behaviour = 'http500';
    const err = await (await engineFor(server.url)).chat(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerHttpError);
    expect((err as Error).message).toMatch(/HTTP 500: model crashed/);
  });

  it('times out a silent server', async () => {
    server.options.behaviour = 'hang';
    const err = await (await engineFor(server.url, { timeoutSeconds: 0.3 })).chat(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerTimeoutError);
  });

  it('rejects a malformed stream', async () => {
    server.options.behaviour = 'malformedStream';
    await expect((await engineFor(server.url)).chat(ask)).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('aborts mid-stream with an AbortError, not a timeout', async () => {
    server.options.answerChunkDelayMs = 50;
    const controller = new AbortController();
    const err = await (await engineFor(server.url))
      .chat(ask, { signal: controller.signal, onToken: () => controller.abort() })
      .catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
  });

  it('names a server that dies mid-reply as a lost connection, not an unexpected error', async () => {
    server.options.dieMidReplyAt = 'draft';
    const tokens: string[] = [];
    const error = await (await engineFor(server.url)).chat(ask, { onToken: (t) => tokens.push(t) }).catch((e: unknown) => e);
    expect(tokens.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(ServerConnectionLostError);
    expect((error as Error).message).toContain(server.url);
    expect((error as Error).message).toMatch(/press Resume to continue from this step/);
  });

  it('reports activity for every streamed chunk, so a screen can tell a silent server from a slow one', async () => {
    let heard = 0;
    const tokens: string[] = [];
    await (await engineFor(server.url)).chat(ask, { onActivity: () => heard++, onToken: (t) => tokens.push(t) });
    expect(heard).toBeGreaterThanOrEqual(1);
  });
});
