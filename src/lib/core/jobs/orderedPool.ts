// Bounded, order-keeping concurrency for batch work (rubric synthesis, evaluation): at most
// `concurrency` jobs in flight, results handed out in input order, and never more than `window`
// inputs read ahead — so memory stays flat however long the input is.

import { throwIfAborted } from '../errors';

export interface OrderedPoolOptions {
  /** Jobs running at once (≥ 1). */
  concurrency: number;
  /** Inputs read but not yet handed out, at most (default 4 × concurrency; never below concurrency). */
  window?: number;
  /** Aborting stops reading input and starting jobs; jobs in flight get the same signal. */
  signal?: AbortSignal;
}

/** One job's outcome, in input order. A job that throws is reported, not fatal to the others. */
export type OrderedOutcome<I, O> = { input: I; ok: true; value: O } | { input: I; ok: false; error: unknown };

/**
 * Runs `job` over `inputs` with bounded concurrency and yields outcomes in input order. When the
 * signal aborts, no new input is read or started; jobs in flight are awaited (they see the abort)
 * and their outcomes are still yielded, in order, before the generator throws the abort.
 */
export async function* mapOrdered<I, O>(
  inputs: AsyncIterable<I> | Iterable<I>,
  job: (input: I, signal: AbortSignal) => Promise<O>,
  options: OrderedPoolOptions,
): AsyncGenerator<OrderedOutcome<I, O>> {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const window = Math.max(concurrency, options.window ?? concurrency * 4);
  const signal = options.signal ?? new AbortController().signal;
  const source = (Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : (inputs as Iterable<I>)[Symbol.iterator]()) as
    | AsyncIterator<I>
    | Iterator<I>;
  /** Slots in input order: a settled outcome, or the promise of one. */
  const queue: Promise<OrderedOutcome<I, O>>[] = [];
  let running = 0;
  let exhausted = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const start = (input: I) => {
    running++;
    const settled = job(input, signal).then(
      (value): OrderedOutcome<I, O> => ({ input, ok: true, value }),
      (error: unknown): OrderedOutcome<I, O> => ({ input, ok: false, error }),
    );
    queue.push(
      settled.finally(() => {
        running--;
        notify();
      }),
    );
  };

  while (true) {
    // Fill: read more input while there is room in flight and in the window.
    while (!exhausted && !signal.aborted && running < concurrency && queue.length < window) {
      const next = await source.next();
      if (next.done) exhausted = true;
      else start(next.value);
    }
    if (queue.length === 0) break;
    // Hand out the head as soon as it settles; meanwhile a finishing job may free a slot to fill.
    const head = queue[0]!;
    let headDone = false;
    void head.then(() => {
      headDone = true;
      notify();
    });
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (headDone) notify();
    });
    if (!headDone) continue;
    queue.shift();
    yield await head;
  }
  throwIfAborted(signal);
}
