// GGUF models kept in this browser's Origin Private File System, so a file picked once (or a URL
// downloaded once) loads again after a reload, offline. Works in the page and in the engine's worker.
//
// Layout: <root>/clinrevise-gguf/<model id>/part-00001.gguf … and model.json, written last: a folder
// without model.json is a copy in progress (its writer holds a Web Lock) or one that was interrupted.

import { abortError, isAbortError, throwIfAborted, causeText } from '../../core/errors';
import { GgufDownloadError, GgufStorageError, GgufStoredModelMissingError, NotGgufError } from './errors';
import { orderModelFiles } from './ggufModel';

export interface StoredModelPart {
  fileName: string;
  bytes: number;
  /** For files picked by the user: their lastModified, to recognise the same file picked again. */
  lastModified: number | null;
}

export interface StoredModel {
  id: string;
  /** The (first) file's name, for display. */
  name: string;
  origin: { type: 'file' } | { type: 'url'; url: string };
  parts: StoredModelPart[];
  totalBytes: number;
  addedAt: number;
  /** For catalog downloads: the entry, and each part's SHA-256 as checked when it was downloaded. */
  catalog?: { entryId: string; sha256: string[]; verifiedAgainst: ('catalog' | 'first_download' | 'recorded_now')[] };
}

export interface StorageUsage {
  /** Bytes of all stored models, finished or not. */
  modelBytes: number;
  /** What the browser reports for the whole site, when it does. */
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** Called as bytes are written: `total` is null when a server does not say. */
export type CopyProgress = (loadedBytes: number, totalBytes: number | null) => void;

const ROOT = 'clinrevise-gguf';
const MANIFEST = 'model.json';
const lockName = (id: string) => `clinrevise-gguf-store:${id}`;
const partName = (i: number) => `part-${String(i + 1).padStart(5, '0')}.gguf`;
/** A paused catalog download keeps this record in its folder (see download.ts); such folders are kept. */
export const DOWNLOAD_RECORD = 'download.json';
/** The file name of part `i` (0-based) inside a model folder. */
export const partFileName = partName;
/** The manifest's file name: written last, when a model is complete. */
export const MANIFEST_FILE = MANIFEST;

/** True when this browser has the storage this module needs. */
export function modelStorageAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

/** The folder holding every stored model. */
export async function modelRootDir(): Promise<FileSystemDirectoryHandle> {
  return rootDir();
}

async function rootDir(): Promise<FileSystemDirectoryHandle> {
  if (!modelStorageAvailable()) throw new GgufStorageError('this browser has no file storage for web pages (Origin Private File System)');
  try {
    return await (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT, { create: true });
  } catch (err) {
    throw new GgufStorageError(`the browser refused access to its file storage (${causeText(err)})`);
  }
}

async function readManifest(dir: FileSystemDirectoryHandle): Promise<StoredModel | null> {
  try {
    const file = await (await dir.getFileHandle(MANIFEST)).getFile();
    return JSON.parse(await file.text()) as StoredModel;
  } catch {
    return null;
  }
}

async function folderBytes(dir: FileSystemDirectoryHandle): Promise<number> {
  let total = 0;
  for await (const handle of dir.values()) if (handle.kind === 'file') total += (await handle.getFile()).size;
  return total;
}

/** Runs `fn` holding this model's store lock, so listings leave a copy in progress alone. */
export function withStoreLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return fn();
  return navigator.locks.request(lockName(id), fn);
}

/** True when nobody is writing this model right now. */
async function isIdle(id: string): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.locks) return false;
  return navigator.locks.request(lockName(id), { ifAvailable: true }, (lock) => lock !== null);
}

async function hasFile(dir: FileSystemDirectoryHandle, name: string): Promise<boolean> {
  return dir.getFileHandle(name).then(
    () => true,
    () => false,
  );
}

/** The stored models, newest first. Interrupted copies nobody is writing are removed. */
export async function listStoredModels(): Promise<StoredModel[]> {
  const root = await rootDir();
  const models: StoredModel[] = [];
  for await (const [name, handle] of root.entries()) {
    if (handle.kind !== 'directory') continue;
    const manifest = await readManifest(handle as FileSystemDirectoryHandle);
    if (manifest) models.push(manifest);
    else if (await hasFile(handle as FileSystemDirectoryHandle, DOWNLOAD_RECORD)) continue;
    else if (await isIdle(name)) await root.removeEntry(name, { recursive: true }).catch(() => {});
  }
  return models.sort((a, b) => b.addedAt - a.addedAt);
}

/** How much storage the stored models use, and what the browser allows the site. */
export async function storageUsage(): Promise<StorageUsage> {
  const root = await rootDir();
  let modelBytes = 0;
  for await (const handle of root.values()) if (handle.kind === 'directory') modelBytes += await folderBytes(handle as FileSystemDirectoryHandle);
  const estimate = await navigator.storage.estimate?.().catch(() => null);
  return { modelBytes, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** The files of a stored model, in part order. Throws GgufStoredModelMissingError when it is gone. */
export async function openStoredModel(id: string, displayName = id): Promise<{ model: StoredModel; files: File[] }> {
  const root = await rootDir();
  let dir: FileSystemDirectoryHandle;
  try {
    dir = await root.getDirectoryHandle(id);
  } catch {
    throw new GgufStoredModelMissingError(displayName);
  }
  const model = await readManifest(dir);
  if (!model) throw new GgufStoredModelMissingError(displayName);
  try {
    const files = await Promise.all(model.parts.map(async (_, i) => (await dir.getFileHandle(partName(i))).getFile()));
    if (files.some((f, i) => f.size !== model.parts[i]!.bytes)) throw new Error('size mismatch');
    return { model, files: files.map((f, i) => new File([f], model.parts[i]!.fileName)) };
  } catch {
    throw new GgufStoredModelMissingError(displayName);
  }
}

/** Deletes a stored model (no error when it is already gone). */
export async function removeStoredModel(id: string): Promise<void> {
  const root = await rootDir();
  await root.removeEntry(id, { recursive: true }).catch((err: unknown) => {
    if ((err as { name?: string }).name !== 'NotFoundError') throw new GgufStorageError(`could not delete it (${causeText(err)})`);
  });
}

async function assertRoomFor(bytes: number): Promise<void> {
  const estimate = await navigator.storage.estimate?.().catch(() => null);
  if (estimate?.quota === undefined || estimate.usage === undefined) return;
  const free = estimate.quota - estimate.usage;
  if (free < bytes) {
    throw new GgufStorageError(
      `the model needs ${(bytes / 1e9).toFixed(2)} GB but the browser allows this site only ${(Math.max(0, free) / 1e9).toFixed(2)} GB more`,
    );
  }
}

/** Turns a failed write into our error (aborts pass through). */
function storageFailure(err: unknown): unknown {
  if (isAbortError(err) || err instanceof GgufStorageError || err instanceof GgufDownloadError || err instanceof NotGgufError) return err;
  if ((err as { name?: string }).name === 'QuotaExceededError') return new GgufStorageError('the browser ran out of storage space for this site');
  return new GgufStorageError(`writing the file failed (${causeText(err)})`);
}

/** Writes a model folder: parts streamed in order, then the manifest. Removes the folder on failure or abort. */
async function writeModel(
  id: string,
  manifest: Omit<StoredModel, 'id' | 'addedAt'>,
  streams: (index: number) => Promise<ReadableStream<Uint8Array>>,
  options: { signal?: AbortSignal; onProgress?: CopyProgress; totalBytes: number | null },
): Promise<StoredModel> {
  const root = await rootDir();
  return withStoreLock(id, async () => {
    await root.removeEntry(id, { recursive: true }).catch(() => {});
    const dir = await root.getDirectoryHandle(id, { create: true });
    let written = 0;
    const partBytes: number[] = [];
    try {
      for (let i = 0; i < manifest.parts.length; i++) {
        throwIfAborted(options.signal);
        const source = await streams(i);
        const writable = await (await dir.getFileHandle(partName(i), { create: true })).createWritable();
        let bytes = 0;
        const counter = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            bytes += chunk.byteLength;
            written += chunk.byteLength;
            options.onProgress?.(written, options.totalBytes);
            controller.enqueue(chunk);
          },
        });
        await source.pipeThrough(counter).pipeTo(writable, { signal: options.signal });
        partBytes.push(bytes);
      }
      // The sizes actually written (a server's Content-Length may be missing or describe compressed bytes).
      const parts = manifest.parts.map((p, i) => ({ ...p, bytes: partBytes[i]! }));
      const stored: StoredModel = { ...manifest, parts, totalBytes: partBytes.reduce((a, b) => a + b, 0), id, addedAt: Date.now() };
      const out = await (await dir.getFileHandle(MANIFEST, { create: true })).createWritable();
      await out.write(JSON.stringify(stored));
      await out.close();
      void navigator.storage.persist?.().catch(() => false);
      return stored;
    } catch (err) {
      await root.removeEntry(id, { recursive: true }).catch(() => {});
      throw options.signal?.aborted ? abortError() : storageFailure(err);
    }
  });
}

/**
 * Copies the files of one model (split parts in any order) into the browser's storage, in part
 * order. The same files picked again are not copied twice.
 */
export async function storeModelFiles(picked: readonly File[], options: { signal?: AbortSignal; onProgress?: CopyProgress } = {}): Promise<StoredModel> {
  const files = orderModelFiles(picked);
  const existing = (await listStoredModels()).find(
    (m) =>
      m.origin.type === 'file' &&
      m.parts.length === files.length &&
      m.parts.every((p, i) => p.fileName === files[i]!.name && p.bytes === files[i]!.size && p.lastModified === files[i]!.lastModified),
  );
  if (existing) return existing;
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  await assertRoomFor(totalBytes);
  const id = `file-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
  return writeModel(
    id,
    {
      name: files[0]!.name,
      origin: { type: 'file' },
      parts: files.map((f) => ({ fileName: f.name, bytes: f.size, lastModified: f.lastModified })),
      totalBytes,
    },
    async (i) => files[i]!.stream(),
    { ...options, totalBytes },
  );
}

/** The storage id of a URL's model: stable, so the download is reused. */
async function urlModelId(url: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(url)));
  return `url-${Array.from(digest.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The stored copy of the model at these URLs, when a complete one exists. */
export async function findStoredUrlModel(urls: readonly string[]): Promise<StoredModel | null> {
  const id = await urlModelId(urls[0]!);
  try {
    return (await openStoredModel(id)).model;
  } catch {
    return null;
  }
}

const fileNameOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() || 'model.gguf');

/**
 * Downloads a model (every part, in order) into the browser's storage. Stops early with
 * NotGgufError when the first bytes are not a GGUF (an HTML error page, say).
 */
export async function downloadModel(urls: readonly string[], options: { signal?: AbortSignal; onProgress?: CopyProgress } = {}): Promise<StoredModel> {
  const responses: Response[] = [];
  const fetchPart = async (url: string): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(url, { signal: options.signal });
    } catch (err) {
      if (isAbortError(err)) throw err;
      throw new GgufDownloadError(url, `the request failed: ${causeText(err)}`);
    }
    if (!response.ok) throw new GgufDownloadError(url, `HTTP ${response.status}`);
    return response;
  };
  // Bodies not read because something failed are cancelled, so their connections close.
  const cancelUnread = () => responses.forEach((r) => void r.body?.cancel().catch(() => {}));
  try {
    // Every part's response first: its headers give the sizes for progress and the storage check.
    for (const url of urls) responses.push(await fetchPart(url));
    const lengths = responses.map((r) => Number(r.headers.get('content-length') ?? NaN));
    const totalBytes = lengths.every((n) => Number.isFinite(n) && n > 0) ? lengths.reduce((a, b) => a + b, 0) : null;
    if (totalBytes !== null) await assertRoomFor(totalBytes);
    const id = await urlModelId(urls[0]!);
    const parts: StoredModelPart[] = urls.map((url, i) => ({ fileName: fileNameOf(url), bytes: lengths[i] ?? 0, lastModified: null }));
    return await writeModel(
      id,
      { name: fileNameOf(urls[0]!), origin: { type: 'url', url: urls[0]! }, parts, totalBytes: totalBytes ?? 0 },
      async (i) => {
        const body = responses[i]!.body;
        if (!body) throw new GgufDownloadError(urls[i]!, 'the server sent no data');
        return i === 0 ? body.pipeThrough(requireGgufMagic(parts[0]!.fileName)) : body;
      },
      { ...options, totalBytes },
    );
  } catch (err) {
    cancelUnread();
    throw err;
  }
}

/** Passes bytes through once the first four have been checked to read "GGUF". */
function requireGgufMagic(fileName: string): TransformStream<Uint8Array, Uint8Array> {
  let head = new Uint8Array(0);
  let checked = false;
  return new TransformStream({
    transform(chunk, controller) {
      if (!checked) {
        const joined = new Uint8Array(head.length + chunk.length);
        joined.set(head);
        joined.set(chunk, head.length);
        if (joined.length < 4) {
          head = joined;
          return;
        }
        if (new TextDecoder().decode(joined.subarray(0, 4)) !== 'GGUF') throw new NotGgufError(fileName);
        checked = true;
        controller.enqueue(joined);
        return;
      }
      controller.enqueue(chunk);
    },
    flush() {
      if (!checked) throw new NotGgufError(fileName);
    },
  });
}
