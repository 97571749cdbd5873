// HTTP helpers shared by the OpenAI-compatible engine and the Settings connection check:
// turning failed requests into our named errors with the server's own words.

import { isAbortError } from '../../core/errors';
import { ServerHttpError, ServerUnreachableError } from './errors';

/** Reads the server's error text (JSON `error.message` when present), shortened for display. */
export async function errorDetail(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string; message?: string };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (message) return message.slice(0, 200);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** The network failure behind a rejected fetch, in a few words (Node puts it in `cause.code`). */
export function networkDetail(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : undefined);
}

/** Normalises a user-typed base URL: no trailing slash. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** Asks the server which models it serves (GET /models); used by Settings to check a connection. */
export async function listServerModels(baseUrl: string, apiKey: string, signal?: AbortSignal): Promise<string[]> {
  const base = normaliseBaseUrl(baseUrl);
  let response: Response;
  try {
    response = await fetch(`${base}/models`, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: signal ?? AbortSignal.timeout(10_000),
    });
  } catch (err) {
    if (isAbortError(err) && signal?.aborted) throw err;
    throw new ServerUnreachableError(base, networkDetail(err));
  }
  if (!response.ok) throw new ServerHttpError(base, response.status, await errorDetail(response));
  const body = (await response.json().catch(() => null)) as { data?: { id?: unknown }[]; models?: { name?: unknown }[] } | null;
  const ids = body?.data?.map((m) => m.id) ?? body?.models?.map((m) => m.name) ?? [];
  return ids.filter((id): id is string => typeof id === 'string');
}
