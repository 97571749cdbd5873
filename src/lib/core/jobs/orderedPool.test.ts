import { describe, expect, it } from 'vitest';
import { isAbortError } from '../errors';
import { mapOrdered } from './orderedPool';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function collect<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe('mapOrdered', () => {
  it('keeps input order whatever order jobs finish in, and never runs more than the limit', async () => {
    let running = 0;
    let peak = 0;
    const delays = [30, 5, 20, 1, 15, 2, 8, 25];
    const outcomes = await collect(
      mapOrdered(delays.keys(), async (i) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(delays[i]!);
        running--;
        return i * 10;
      }, { concurrency: 3 }),
    );
    expect(outcomes.map((o) => (o.ok ? o.value : null))).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
  });

  it('reads input lazily: no more than the window ahead of what has been handed out', async () => {
    let read = 0;
    async function* inputs() {
      for (let i = 0; i < 1000; i++) {
        read++;
        yield i;
      }
    }
    const gen = mapOrdered(inputs(), async (i) => i, { concurrency: 2, window: 5 });
    for (let k = 0; k < 10; k++) await gen.next();
    expect(read).toBeLessThanOrEqual(10 + 5);
    await gen.return(undefined);
  });

  it('reports a failing job in its place and carries on with the rest', async () => {
    const outcomes = await collect(
      mapOrdered([1, 2, 3], async (i) => {
        if (i === 2) throw new Error('boom');
        return i;
      }, { concurrency: 2 }),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]!.ok ? null : (outcomes[1]!.error as Error).message).toBe('boom');
  });

  it('on abort stops starting jobs, hands out those in flight in order, then throws the abort', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const seen: number[] = [];
    const error = await (async () => {
      try {
        for await (const o of mapOrdered(
          Array.from({ length: 50 }, (_, i) => i),
          async (i) => {
            started.push(i);
            await sleep(5);
            return i;
          },
          { concurrency: 4, signal: controller.signal },
        )) {
          if (o.ok) seen.push(o.value);
          if (seen.length === 6) controller.abort();
        }
      } catch (err) {
        return err;
      }
    })();
    expect(isAbortError(error)).toBe(true);
    expect(started.length).toBeLessThan(50);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i));
    expect(seen.length).toBe(started.length);
  });
});
