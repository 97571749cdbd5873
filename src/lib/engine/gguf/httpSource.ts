// A model URL as a ByteSource, so Settings can read a GGUF header over HTTP before anything is
// downloaded: range requests where the server supports them, else the start of a plain download.

import { isAbortError, causeText } from '../../core/errors';
import { GgufDownloadError } from './errors';
import type { ByteSource } from './ggufHeader';

const FIRST_READ = 2 ** 20;

async function request(url: string, start: number, length: number, signal?: AbortSignal): Promise<{ bytes: Uint8Array; size: number | null }> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Range: `bytes=${start}-${start + length - 1}` }, signal });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new GgufDownloadError(url, `the request failed: ${causeText(err)}`);
  }
  if (!response.ok) throw new GgufDownloadError(url, `HTTP ${response.status}`);
  if (response.status === 206) {
    const total = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '')?.[1];
    return { bytes: new Uint8Array(await response.arrayBuffer()), size: total ? Number(total) : null };
  }
  // The server ignored the range: read the start of the body, then stop the download.
  const size = Number(response.headers.get('content-length')) || null;
  const reader = response.body?.getReader();
  if (!reader) throw new GgufDownloadError(url, 'the server sent no data');
  const chunks: Uint8Array[] = [];
  let received = 0;
  while (received < start + length) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  const all = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { bytes: all.subarray(start, start + length), size };
}

/** Opens a URL for header reading; fails with GgufDownloadError when it cannot be fetched or sized. */
export async function openHttpSource(url: string, signal?: AbortSignal): Promise<ByteSource> {
  const first = await request(url, 0, FIRST_READ, signal);
  if (first.size === null) throw new GgufDownloadError(url, 'the server did not say how large the file is');
  const size = first.size;
  const name = decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || url);
  return {
    name,
    size,
    async read(offset, length, readSignal) {
      if (offset + length <= first.bytes.length) return first.bytes.subarray(offset, offset + length);
      return (await request(url, offset, length, readSignal ?? signal)).bytes;
    },
  };
}
