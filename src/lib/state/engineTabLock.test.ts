// The tab lock's protocol between two tabs, on a minimal exclusive lock manager and a shared
// channel (test doubles of Web Locks and BroadcastChannel; the real ones run in tests/e2e/tabs).

import { describe, expect, it } from 'vitest';
import { EngineTabLock, pageOfLocation, type ChannelLike, type EngineHolder } from './engineTabLock';

/** One exclusive lock name at a time, granted in request order; `ifAvailable` and `signal` as in Web Locks. */
class ExclusiveLocks {
  #held = false;
  #queue: (() => void)[] = [];
  request(_name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
    const run = async () => {
      this.#held = true;
      try {
        return await callback({ name: _name, mode: 'exclusive' } as Lock);
      } finally {
        this.#held = false;
        this.#queue.shift()?.();
      }
    };
    if (!this.#held) return run();
    if (options.ifAvailable) return Promise.resolve(callback(null));
    return new Promise((resolve, reject) => {
      const go = () => run().then(resolve, reject);
      this.#queue.push(go);
      options.signal?.addEventListener('abort', () => {
        this.#queue = this.#queue.filter((q) => q !== go);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }
}

/** Channels of one name: a message reaches every other tab's channel, never its own. */
function channels(count: number): ChannelLike[] {
  const all: ChannelLike[] = [];
  for (let i = 0; i < count; i++) {
    const channel: ChannelLike = {
      onmessage: null,
      postMessage(message) {
        for (const other of all) if (other !== channel) setTimeout(() => other.onmessage?.({ data: message } as MessageEvent));
      },
    };
    all.push(channel);
  }
  return all;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function twoTabs() {
  const locks = new ExclusiveLocks() as unknown as LockManager;
  const [a, b] = channels(2);
  const first = new EngineTabLock({ locks, channel: a, page: () => 'ask', now: () => 1_000 });
  const second = new EngineTabLock({ locks, channel: b, page: () => 'evaluate', now: () => 2_000 });
  return { first, second };
}

describe('EngineTabLock', () => {
  it('lets one tab hold the model; the other learns who holds it and waits in line', async () => {
    const { first, second } = twoTabs();
    await first.acquire(new AbortController().signal, () => undefined);
    expect(first.held).toBe(true);

    const seen: (EngineHolder | null)[] = [];
    let got = false;
    const waiting = second.acquire(new AbortController().signal, (h) => seen.push(h)).then(() => (got = true));
    await tick();
    await tick();
    expect(seen).toEqual([null, { page: 'ask', since: 1_000 }]);
    expect(got).toBe(false);

    first.release();
    await waiting;
    expect(second.held).toBe(true);
    expect(first.held).toBe(false);
  });

  it('take over asks the holder to let go; the holder is told and, once it releases, the asker has it', async () => {
    const { first, second } = twoTabs();
    await first.acquire(new AbortController().signal, () => undefined);
    let asked = 0;
    first.onReleaseRequested = () => {
      asked++;
      first.release();
    };
    const waiting = second.acquire(new AbortController().signal, () => undefined);
    second.requestTakeOver();
    await waiting;
    expect(asked).toBe(1);
    expect(second.held).toBe(true);
  });

  it('giving up the wait rejects with an AbortError and leaves the holder alone', async () => {
    const { first, second } = twoTabs();
    await first.acquire(new AbortController().signal, () => undefined);
    const controller = new AbortController();
    const waiting = second.acquire(controller.signal, () => undefined);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(first.held).toBe(true);
    expect(second.held).toBe(false);
  });

  it('names the page from the address', () => {
    expect(pageOfLocation('#/history/abc')).toBe('history');
    expect(pageOfLocation('')).toBe('ask');
  });
});
