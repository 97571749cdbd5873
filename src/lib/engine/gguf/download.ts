// Downloads a catalog entry's files into OPFS with progress, pause/resume across reloads (HTTP Range)
// and a SHA-256 check before the model can be loaded. Runs in the page, next to the Settings state.
//
// Why the page and not the engine's worker: the worker is the engine and nothing else (one model,
// one wllama instance), while downloads are driven by Settings and must survive loading another model.
// A paused download is a model folder without model.json but with download.json (what it fetches);
// its bytes so far are the part files' sizes. Hashing is incremental (@noble/hashes), because
// WebCrypto only hashes a whole buffer; on resume the bytes already stored are hashed again first.

import { sha256 } from '@noble/hashes/sha2';
import { abortError, causeText, isAbortError, throwIfAborted } from '../../core/errors';
import { CATALOG_VERSION, catalogEntryBytes, type CatalogEntry } from './catalog';
import { RateMeter, assertStorageFor, resumeDecision, toHex, type DownloadProgress } from './downloadPlan';
import { GgufDownloadError, GgufIntegrityError, GgufResumeError, GgufStorageError, NotGgufError } from './errors';
import { openPartWriter } from './partWriter';
import { DOWNLOAD_RECORD, MANIFEST_FILE, modelRootDir, partFileName, withStoreLock, type StoredModel } from './modelStore';

/** What download.json holds: enough to know the folder's files belong to this entry as it is now. */
interface DownloadRecord {
  entryId: string;
  catalogVersion: number;
  urls: string[];
  startedAt: number;
}

/** A download that was paused (or cut off) and can be resumed. */
export interface PartialDownload {
  entryId: string;
  loadedBytes: number;
}

/** SHA-256 hashes recorded by first downloads, by file URL, for entries whose hash the catalog lacks. */
type RecordedHashes = Record<string, string>;
const RECORDED_HASHES_FILE = 'clinrevise-gguf-recorded-sha256.json';

/** The storage id of a catalog entry's model folder. */
export const catalogModelId = (entryId: string) => `catalog-${entryId}`;

async function opfsRoot(): Promise<FileSystemDirectoryHandle> {
  return navigator.storage.getDirectory();
}

/** The hashes first downloads recorded on this browser. */
export async function recordedHashes(): Promise<RecordedHashes> {
  try {
    const file = await (await (await opfsRoot()).getFileHandle(RECORDED_HASHES_FILE)).getFile();
    return JSON.parse(await file.text()) as RecordedHashes;
  } catch {
    return {};
  }
}

async function saveRecordedHashes(hashes: RecordedHashes): Promise<void> {
  const out = await (await (await opfsRoot()).getFileHandle(RECORDED_HASHES_FILE, { create: true })).createWritable();
  await out.write(JSON.stringify(hashes));
  await out.close();
}

async function readRecord(dir: FileSystemDirectoryHandle): Promise<DownloadRecord | null> {
  try {
    return JSON.parse(await (await (await dir.getFileHandle(DOWNLOAD_RECORD)).getFile()).text()) as DownloadRecord;
  } catch {
    return null;
  }
}

async function writeJson(dir: FileSystemDirectoryHandle, name: string, value: unknown): Promise<void> {
  const out = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await out.write(JSON.stringify(value));
  await out.close();
}

async function fileSize(dir: FileSystemDirectoryHandle, name: string): Promise<number> {
  try {
    return (await (await dir.getFileHandle(name)).getFile()).size;
  } catch {
    return 0;
  }
}

/** Paused or interrupted catalog downloads in this browser, with the bytes they already hold. */
export async function listPartialDownloads(): Promise<PartialDownload[]> {
  const root = await modelRootDir();
  const out: PartialDownload[] = [];
  for await (const [, handle] of root.entries()) {
    if (handle.kind !== 'directory') continue;
    const dir = handle as FileSystemDirectoryHandle;
    if ((await fileSize(dir, MANIFEST_FILE)) > 0) continue;
    const record = await readRecord(dir);
    if (!record) continue;
    let loadedBytes = 0;
    for (let i = 0; i < record.urls.length; i++) loadedBytes += await fileSize(dir, partFileName(i));
    out.push({ entryId: record.entryId, loadedBytes });
  }
  return out;
}

/** Deletes a catalog entry's folder, paused download or stored model alike. */
export async function discardCatalogDownload(entryId: string): Promise<void> {
  const root = await modelRootDir();
  await root.removeEntry(catalogModelId(entryId), { recursive: true }).catch(() => {});
}

export interface CatalogDownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** The page's URL, to resolve relative catalog URLs (tests). */
  baseUrl?: string;
}

/**
 * Downloads (or resumes) every file of a catalog entry into the browser's storage. Checks the free
 * storage first (GgufInsufficientStorageError), continues paused parts with Range requests, hashes
 * as it writes and compares each part with the catalog's SHA-256 or the one recorded by an earlier
 * download here (GgufIntegrityError, after deleting the folder); where neither exists it records the
 * hash. Aborting keeps the bytes written so far for a later call to resume.
 */
export async function downloadCatalogEntry(entry: CatalogEntry, options: CatalogDownloadOptions = {}): Promise<StoredModel> {
  const { signal } = options;
  const id = catalogModelId(entry.id);
  const root = await modelRootDir();
  const urls = entry.files.map((f) => new URL(f.url, options.baseUrl ?? (typeof location !== 'undefined' ? location.href : undefined)).href);
  return withStoreLock(id, async () => {
    throwIfAborted(signal);
    let dir = await root.getDirectoryHandle(id, { create: true });
    if ((await fileSize(dir, MANIFEST_FILE)) > 0) {
      const existing = JSON.parse(await (await (await dir.getFileHandle(MANIFEST_FILE)).getFile()).text()) as StoredModel;
      return existing;
    }
    const record = await readRecord(dir);
    const sameDownload = record && record.entryId === entry.id && record.urls.length === urls.length && record.urls.every((u, i) => u === urls[i]);
    if (!sameDownload) {
      // Files from another version of the entry (or an interrupted copy) cannot be continued.
      await root.removeEntry(id, { recursive: true }).catch(() => {});
      dir = await root.getDirectoryHandle(id, { create: true });
      await writeJson(dir, DOWNLOAD_RECORD, { entryId: entry.id, catalogVersion: CATALOG_VERSION, urls, startedAt: Date.now() } satisfies DownloadRecord);
    }

    const have: number[] = [];
    for (let i = 0; i < urls.length; i++) have.push(await fileSize(dir, partFileName(i)));
    const totalBytes = catalogEntryBytes(entry);
    const already = have.reduce((a, b) => a + b, 0);
    const estimate = await navigator.storage.estimate?.().catch(() => null);
    assertStorageFor(entry.name, Math.max(0, totalBytes - already), estimate ?? null);

    const meter = new RateMeter();
    let loaded = already;
    const report = () => options.onProgress?.(meter.sample(performance.now(), loaded, Math.max(totalBytes, loaded)));
    report();

    const recorded = await recordedHashes();
    const hashes: string[] = [];
    const verifiedAgainst: NonNullable<StoredModel['catalog']>['verifiedAgainst'] = [];
    const partBytes: number[] = [];
    for (let i = 0; i < urls.length; i++) {
      const file = entry.files[i]!;
      const url = urls[i]!;
      const handle = await dir.getFileHandle(partFileName(i), { create: true });
      const hasher = sha256.create();
      // The bytes kept from before a pause are hashed again: a hash state cannot be stored.
      let offset = 0;
      const reader = (await handle.getFile()).stream().getReader();
      for (;;) {
        throwIfAborted(signal);
        const { done, value } = await reader.read();
        if (done) break;
        hasher.update(value);
        offset += value.byteLength;
      }
      const complete = file.bytesExact && offset === file.bytes;
      if (!complete) offset = await fetchInto(handle, url, offset, hasher, {
        signal,
        fileName: file.fileName,
        checkMagic: i === 0,
        onBytes: (n) => {
          loaded += n;
          report();
        },
      });
      const actual = toHex(hasher.digest());
      const expected = file.sha256 ?? recorded[url] ?? null;
      if (expected && expected !== actual) {
        await root.removeEntry(id, { recursive: true }).catch(() => {});
        throw new GgufIntegrityError(file.fileName, expected, actual, file.sha256 ? 'catalog' : 'first_download');
      }
      hashes.push(actual);
      verifiedAgainst.push(file.sha256 ? 'catalog' : expected ? 'first_download' : 'recorded_now');
      partBytes.push(offset);
    }

    const fresh = urls.flatMap((u, i) => (verifiedAgainst[i] === 'recorded_now' ? [[u, hashes[i]!] as const] : []));
    if (fresh.length) await saveRecordedHashes({ ...(await recordedHashes()), ...Object.fromEntries(fresh) });
    const stored: StoredModel = {
      id,
      name: entry.name,
      origin: { type: 'url', url: urls[0]! },
      parts: entry.files.map((f, i) => ({ fileName: f.fileName, bytes: partBytes[i]!, lastModified: null })),
      totalBytes: partBytes.reduce((a, b) => a + b, 0),
      addedAt: Date.now(),
      catalog: { entryId: entry.id, sha256: hashes, verifiedAgainst },
    };
    await writeJson(dir, MANIFEST_FILE, stored);
    await dir.removeEntry(DOWNLOAD_RECORD).catch(() => {});
    void navigator.storage.persist?.().catch(() => false);
    return stored;
  });
}

/**
 * Fetches `url` from byte `offset` on into the file, feeding the hasher; returns the file's size.
 * Bytes are in the file as they arrive, so a pause, a broken connection or a closed tab keeps them.
 */
async function fetchInto(
  handle: FileSystemFileHandle,
  url: string,
  offset: number,
  hasher: ReturnType<typeof sha256.create>,
  opts: { signal?: AbortSignal; fileName: string; checkMagic: boolean; onBytes: (n: number) => void },
): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, { signal: opts.signal, headers: offset > 0 ? { range: `bytes=${offset}-` } : {}, cache: 'no-store' });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new GgufDownloadError(url, `the request failed: ${causeText(err)}`);
  }
  const decision = resumeDecision(offset, response.status, response.headers.get('content-range'));
  if (decision.kind === 'complete') return offset;
  if (decision.kind === 'refused') {
    void response.body?.cancel().catch(() => {});
    if (offset === 0) throw new GgufDownloadError(url, decision.detail);
    throw new GgufResumeError(url, decision.detail);
  }
  if (decision.kind === 'restart' && offset > 0) {
    // The server ignored the range; restarting would need the hash started over too, so say so instead.
    void response.body?.cancel().catch(() => {});
    throw new GgufResumeError(url, 'the server does not support continuing downloads (no Range support)');
  }
  const body = response.body;
  if (!body) throw new GgufDownloadError(url, 'the server sent no data');
  // Each chunk goes into the file as it arrives (partWriter.ts), so closing the tab keeps it.
  const writer = await openPartWriter(handle, offset);
  const reader = body.getReader();
  let size = offset;
  let magicChecked = !opts.checkMagic || offset >= 4;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!magicChecked) {
        if (value.byteLength >= 4 && new TextDecoder().decode(value.subarray(0, 4)) !== 'GGUF') throw new NotGgufError(opts.fileName);
        magicChecked = value.byteLength >= 4;
      }
      // Hashed before writing: the writer may take the chunk's buffer.
      hasher.update(value);
      const n = value.byteLength;
      await writer.write(value);
      size += n;
      opts.onBytes(n);
    }
    await writer.close();
    return size;
  } catch (err) {
    // What is in the file stays: a pause (or a broken connection) continues from it next time.
    await writer.release();
    if (opts.signal?.aborted) throw abortError();
    if (err instanceof NotGgufError || isAbortError(err)) throw err;
    if ((err as { name?: string }).name === 'QuotaExceededError') throw new GgufStorageError('the browser ran out of storage space for this site');
    throw new GgufDownloadError(url, `the download broke off: ${causeText(err)}`);
  }
}
