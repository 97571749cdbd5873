// The pure decisions of the catalog download manager: how much storage a download still needs,
// how to read a server's answer to a Range request, and the rate and time left shown while it runs.

import { GgufInsufficientStorageError } from './errors';

/** Downloads larger than this ask the user first (size and host shown). */
export const CONFIRM_ABOVE_BYTES = 100 * 1e6;

/** Free storage kept beyond the bytes still to fetch: browsers may evict a site near its quota. */
export const STORAGE_HEADROOM = 1.05;

/** What `Content-Range: bytes start-end/total` says (total null for `*`). */
export interface ContentRange {
  start: number;
  end: number;
  total: number | null;
}

/** Parses a `Content-Range` header; null when absent or malformed. */
export function parseContentRange(header: string | null): ContentRange | null {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  const total = match[3] === '*' ? null : Number(match[3]);
  if (end < start || (total !== null && end >= total)) return null;
  return { start, end, total };
}

/** How a response to a request for bytes from `offset` on is to be written. */
export type ResumeDecision =
  | { kind: 'append' }
  | { kind: 'restart' }
  | { kind: 'complete' }
  | { kind: 'refused'; detail: string };

/**
 * Reads a response to `Range: bytes=<offset>-`: 206 from `offset` appends; 200 means the server
 * ignored the range, so the file starts over; 416 at a known-complete size means nothing is left.
 */
export function resumeDecision(offset: number, status: number, contentRange: string | null): ResumeDecision {
  if (offset === 0) return status === 200 || status === 206 ? { kind: 'restart' } : { kind: 'refused', detail: `HTTP ${status}` };
  if (status === 200) return { kind: 'restart' };
  if (status === 416) {
    const total = /\/(\d+)$/.exec(contentRange ?? '');
    return total && Number(total[1]) === offset ? { kind: 'complete' } : { kind: 'refused', detail: 'HTTP 416: the partial file is longer than the one on the server' };
  }
  if (status !== 206) return { kind: 'refused', detail: `HTTP ${status}` };
  const range = parseContentRange(contentRange);
  if (!range) return { kind: 'refused', detail: 'the server sent a partial answer without a valid Content-Range' };
  if (range.start !== offset) return { kind: 'refused', detail: `asked for bytes from ${offset}, the server sent them from ${range.start}` };
  return { kind: 'append' };
}

/** Throws GgufInsufficientStorageError when the bytes still to fetch do not fit the free storage. */
export function assertStorageFor(
  modelName: string,
  remainingBytes: number,
  estimate: { quota?: number; usage?: number } | null,
): void {
  if (!estimate || estimate.quota === undefined || estimate.usage === undefined) return;
  const free = estimate.quota - estimate.usage;
  const needed = Math.ceil(remainingBytes * STORAGE_HEADROOM);
  if (needed > free) throw new GgufInsufficientStorageError(modelName, needed, free);
}

/** The host a download comes from, as shown in the confirmation. */
export function hostOf(url: string, base?: string): string {
  try {
    return new URL(url, base).host;
  } catch {
    return url;
  }
}

export interface DownloadProgress {
  loadedBytes: number;
  totalBytes: number;
  /** Bytes per second over the last few seconds; null until there are two samples. */
  bytesPerSecond: number | null;
  /** Seconds left at that rate; null when the rate is unknown or zero. */
  etaSeconds: number | null;
}

/**
 * The rate and time left over a sliding window, so a stall shows at once and a burst does not
 * promise too much. Feed it (time, bytes loaded) samples.
 */
export class RateMeter {
  #samples: { at: number; loaded: number }[] = [];
  constructor(private readonly windowMs = 5000) {}

  /** Adds a sample and returns the progress it implies. */
  sample(atMs: number, loadedBytes: number, totalBytes: number): DownloadProgress {
    this.#samples.push({ at: atMs, loaded: loadedBytes });
    while (this.#samples.length > 2 && atMs - this.#samples[0]!.at > this.windowMs) this.#samples.shift();
    const first = this.#samples[0]!;
    const elapsed = (atMs - first.at) / 1000;
    const bytesPerSecond = this.#samples.length > 1 && elapsed > 0 ? (loadedBytes - first.loaded) / elapsed : null;
    const etaSeconds = bytesPerSecond ? Math.max(0, totalBytes - loadedBytes) / bytesPerSecond : null;
    return { loadedBytes, totalBytes, bytesPerSecond, etaSeconds };
  }
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
