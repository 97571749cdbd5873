// The part writer's two paths with stand-in file handles (test doubles for OPFS): the worker side
// writes each chunk at its offset through a sync access handle; the fallback commits its writable
// window by window, so a closed tab loses at most the last window.

import { describe, expect, it } from 'vitest';
import { openPartWriter } from './partWriter';
import { serveWrites, type WriterReply, type WriterRequest } from './partWriterHost';

/** A file's bytes as the stand-ins keep them. */
class FakeFile {
  bytes = new Uint8Array(0);
  resize(size: number) {
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, size));
    this.bytes = next;
  }
  writeAt(data: Uint8Array, at: number) {
    if (at + data.length > this.bytes.length) this.resize(at + data.length);
    this.bytes.set(data, at);
  }
}

/** A handle whose writables, like Chromium's, only reach the file when closed. */
function writableHandle(file: FakeFile) {
  const commits: number[] = [];
  const handle = {
    async createWritable({ keepExistingData }: { keepExistingData: boolean }) {
      const swap = new FakeFile();
      if (keepExistingData) swap.writeAt(file.bytes, 0);
      let at = 0;
      return {
        async truncate(size: number) {
          swap.resize(size);
        },
        async seek(position: number) {
          at = position;
        },
        async write(data: Uint8Array) {
          swap.writeAt(data, at);
          at += data.length;
        },
        async close() {
          file.bytes = swap.bytes;
          commits.push(file.bytes.length);
        },
      };
    },
  };
  return { handle: handle as unknown as FileSystemFileHandle, commits };
}

const chunk = (n: number, value: number) => new Uint8Array(n).fill(value);

describe('openPartWriter without workers (the windowed writable)', () => {
  it('appends after the offset, drops what lay beyond it, and commits every 32 MiB', async () => {
    const file = new FakeFile();
    file.writeAt(chunk(10, 1), 0);
    const { handle, commits } = writableHandle(file);
    const writer = await openPartWriter(handle, 6);
    const MiB = 1024 * 1024;
    for (let i = 0; i < 5; i++) await writer.write(chunk(8 * MiB, 2));
    // 40 MiB written: one window committed (the tab could close now and keep 32 MiB + 6 bytes).
    expect(commits).toEqual([6 + 32 * MiB]);
    await writer.close();
    expect(file.bytes.length).toBe(6 + 40 * MiB);
    expect(file.bytes.subarray(0, 7)).toEqual(Uint8Array.from([1, 1, 1, 1, 1, 1, 2]));
  });
});

describe('serveWrites (the worker side)', () => {
  it('truncates to the offset, writes each chunk in place at the end, and acknowledges the size', async () => {
    const file = new FakeFile();
    file.writeAt(chunk(10, 1), 0);
    let flushed = 0;
    let closed = false;
    const sync = {
      write: (data: Uint8Array, { at }: { at: number }) => (file.writeAt(data, at), data.length),
      truncate: (size: number) => file.resize(size),
      getSize: () => file.bytes.length,
      flush: () => void flushed++,
      close: () => void (closed = true),
    };
    const handle = { createSyncAccessHandle: async () => sync } as unknown as FileSystemFileHandle;
    let listener: ((event: MessageEvent<WriterRequest>) => void) | null = null;
    const replies: WriterReply[] = [];
    let wake: (() => void) | null = null;
    serveWrites({ postMessage: (m) => (replies.push(m), wake?.()), addEventListener: (_t, l) => (listener = l) });
    const send = (request: WriterRequest) =>
      new Promise<WriterReply>((resolve) => {
        const count = replies.length;
        wake = () => replies.length > count && resolve(replies[count]!);
        listener!({ data: request } as MessageEvent<WriterRequest>);
      });
    expect(await send({ type: 'open', handle, offset: 4 })).toEqual({ type: 'opened' });
    expect(file.bytes.length).toBe(4);
    expect(await send({ type: 'write', bytes: chunk(3, 7) })).toEqual({ type: 'written', size: 7 });
    expect(Array.from(file.bytes)).toEqual([1, 1, 1, 1, 7, 7, 7]);
    expect(await send({ type: 'close' })).toEqual({ type: 'closed', size: 7 });
    expect(closed).toBe(true);
    expect(flushed).toBe(1);
  });

  it('says so when the browser has no sync access handles (the page then uses the writable)', async () => {
    const replies: WriterReply[] = [];
    let listener: ((event: MessageEvent<WriterRequest>) => void) | null = null;
    serveWrites({ postMessage: (m) => void replies.push(m), addEventListener: (_t, l) => (listener = l) });
    listener!({ data: { type: 'open', handle: {} as FileSystemFileHandle, offset: 0 } } as MessageEvent<WriterRequest>);
    await new Promise((r) => setTimeout(r, 0));
    expect(replies).toEqual([{ type: 'unsupported', detail: 'no sync access handles in this browser' }]);
  });
});
