// Where a download's bytes go as they arrive. Preferred: a small worker writing into the part file
// with a sync access handle, so what is acknowledged is in the file — closing the tab mid-download
// keeps it, and the next Resume asks for the rest with a Range request. Where a browser has no sync
// access handles, a writable committed every few megabytes keeps all but the last window.

import type { WriterReply, WriterRequest } from './partWriterHost';

export interface PartWriter {
  /** Appends the bytes; resolves once they are in the file (the caller may not reuse `bytes`). */
  write(bytes: Uint8Array): Promise<void>;
  /** Commits and releases the file. */
  close(): Promise<void>;
  /** Releases the file after a failure; what was written stays. */
  release(): Promise<void>;
}

/** Bytes a fallback writable collects before it is committed (Chromium copies the file per reopen). */
const WINDOW_BYTES = 32 * 1024 * 1024;

/** A writer for `handle` from byte `offset` on (bytes past it are dropped). */
export async function openPartWriter(handle: FileSystemFileHandle, offset: number): Promise<PartWriter> {
  if (typeof Worker !== 'undefined') {
    // A worker that cannot start (or a file it cannot lock) falls back to the writable, which
    // reports a real storage problem itself.
    const writer = await openWorkerWriter(handle, offset).catch(() => null);
    if (writer) return writer;
  }
  return openWindowedWriter(handle, offset);
}

async function openWorkerWriter(handle: FileSystemFileHandle, offset: number): Promise<PartWriter | null> {
  const worker = new Worker(new URL('./partWriter.worker.ts', import.meta.url), { type: 'module', name: 'clinrevise-part-writer' });
  const pending: ((reply: WriterReply) => void)[] = [];
  let broken: Error | null = null;
  worker.addEventListener('message', (event: MessageEvent<WriterReply>) => pending.shift()?.(event.data));
  worker.addEventListener('error', (event) => {
    broken = new Error(event.message || 'the writer worker failed');
    for (const resolve of pending.splice(0)) resolve({ type: 'failed', name: 'Error', message: broken.message });
  });
  const ask = (request: WriterRequest, transfer: Transferable[] = []): Promise<WriterReply> =>
    new Promise((resolve) => {
      if (broken) return resolve({ type: 'failed', name: 'Error', message: broken.message });
      pending.push(resolve);
      worker.postMessage(request, transfer);
    });
  const expect = async (request: WriterRequest, transfer?: Transferable[]) => {
    const reply = await ask(request, transfer);
    if (reply.type === 'failed') {
      const err = new Error(reply.message);
      err.name = reply.name;
      throw err;
    }
    return reply;
  };
  const opened = await ask({ type: 'open', handle, offset });
  if (opened.type === 'unsupported') {
    worker.terminate();
    return null;
  }
  if (opened.type === 'failed') {
    worker.terminate();
    const err = new Error(opened.message);
    err.name = opened.name;
    throw err;
  }
  return {
    async write(bytes) {
      // A view into a larger buffer is copied so only its bytes cross (and the transfer is safe).
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      await expect({ type: 'write', bytes: own }, [own.buffer as ArrayBuffer]);
    },
    async close() {
      try {
        await expect({ type: 'close' });
      } finally {
        worker.terminate();
      }
    },
    async release() {
      await ask({ type: 'close' }).catch(() => undefined);
      worker.terminate();
    },
  };
}

async function openWindowedWriter(handle: FileSystemFileHandle, offset: number): Promise<PartWriter> {
  let size = offset;
  let inWindow = 0;
  const open = async () => {
    const w = await handle.createWritable({ keepExistingData: true });
    await w.truncate(size);
    await w.seek(size);
    return w;
  };
  let writable = await open();
  return {
    async write(bytes) {
      await writable.write(bytes as Uint8Array<ArrayBuffer>);
      size += bytes.byteLength;
      inWindow += bytes.byteLength;
      if (inWindow >= WINDOW_BYTES) {
        await writable.close();
        writable = await open();
        inWindow = 0;
      }
    },
    async close() {
      await writable.close();
    },
    async release() {
      // Commit what arrived: the next download continues from it.
      await writable.close().catch(() => undefined);
    },
  };
}
