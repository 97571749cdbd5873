import { afterEach, describe, expect, it, vi } from 'vitest';
import { pacer } from './pacing';

describe('pacer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('does not wait within a slice, waits one macrotask once the slice is used up, then starts a new slice', async () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const pace = pacer(30);
    now = 1029;
    expect(pace()).toBeUndefined();
    let macrotaskRan = false;
    setTimeout(() => (macrotaskRan = true), 0);
    now = 1030;
    const wait = pace();
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    // A macrotask queued before the wait ran: the wait gave the event loop a turn (a microtask would not).
    expect(macrotaskRan).toBe(true);
    now = 1059;
    expect(pace()).toBeUndefined();
  });
});
