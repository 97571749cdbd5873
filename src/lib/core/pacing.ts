// Long loops over a file's lines run on the page's main thread. Async generators resume as
// microtasks, which never let the page paint or take input, so a 50 MB file read "as a stream" can
// still hold the page for seconds. A pacer gives the event loop a turn every few milliseconds.

/** How long a loop may run before it lets the page paint and handle input. */
export const SLICE_MS = 30;

/**
 * A pacer for one long loop: call it every iteration and await what it returns. Within a slice it
 * returns undefined (no wait at all); once SLICE_MS has passed it waits for one macrotask.
 */
export function pacer(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        sliceStart = performance.now();
        resolve();
      }, 0),
    );
  };
}
