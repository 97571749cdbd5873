// The worker side of the part writer (see partWriter.ts): one file per worker, opened with a sync
// access handle at an offset; writes are acknowledged with the file's size once they are in it.

/** Page → worker. */
export type WriterRequest =
  | { type: 'open'; handle: FileSystemFileHandle; offset: number }
  | { type: 'write'; bytes: Uint8Array }
  | { type: 'close' };

/** Worker → page. */
export type WriterReply =
  | { type: 'opened' }
  | { type: 'written'; size: number }
  | { type: 'closed'; size: number }
  | { type: 'unsupported'; detail: string }
  | { type: 'failed'; name: string; message: string };

/** The bits of FileSystemSyncAccessHandle used here (not in every TypeScript DOM library). */
interface SyncHandle {
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}

export interface WriterHostPort {
  postMessage(message: WriterReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WriterRequest>) => void): void;
}

/** Bytes between flushes: flushing makes them durable on disk, not only visible to other readers. */
const FLUSH_EVERY_BYTES = 4 * 1024 * 1024;

export function serveWrites(port: WriterHostPort): void {
  let handle: SyncHandle | null = null;
  let size = 0;
  let unflushed = 0;
  port.addEventListener('message', (event) => {
    const request = event.data;
    void (async () => {
      try {
        if (request.type === 'open') {
          const open = (request.handle as unknown as { createSyncAccessHandle?: () => Promise<SyncHandle> }).createSyncAccessHandle;
          if (typeof open !== 'function') {
            port.postMessage({ type: 'unsupported', detail: 'no sync access handles in this browser' });
            return;
          }
          handle = await open.call(request.handle);
          // Anything past the offset (a chunk written before the page could record it) is dropped,
          // so the file holds exactly the bytes the page has hashed.
          handle.truncate(request.offset);
          size = request.offset;
          port.postMessage({ type: 'opened' });
        } else if (request.type === 'write') {
          if (!handle) throw new Error('the part file is not open');
          let at = 0;
          while (at < request.bytes.byteLength) at += handle.write(request.bytes.subarray(at), { at: size + at });
          size += request.bytes.byteLength;
          unflushed += request.bytes.byteLength;
          if (unflushed >= FLUSH_EVERY_BYTES) {
            handle.flush();
            unflushed = 0;
          }
          port.postMessage({ type: 'written', size });
        } else {
          handle?.flush();
          handle?.close();
          handle = null;
          port.postMessage({ type: 'closed', size });
        }
      } catch (err) {
        const e = err as { name?: string; message?: string };
        port.postMessage({ type: 'failed', name: e.name ?? 'Error', message: e.message ?? String(err) });
      }
    })();
  });
}
