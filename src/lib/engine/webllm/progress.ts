// web-llm reports loading as {progress, text}; the app shows a phase, a fraction and bytes. The phase
// comes from the fixed report prefixes of the pinned web-llm 0.2.86 (display only, never for errors).

import type { LoadPhase, LoadProgress } from '../types';

/** The report web-llm passes to its init progress callback. */
export interface InitReport {
  progress: number;
  timeElapsed: number;
  text: string;
}

const PREFIXES: { prefix: string; phase: (cachedAtStart: boolean) => LoadPhase }[] = [
  { prefix: 'Start to fetch params', phase: (cached) => (cached ? 'cache' : 'download') },
  { prefix: 'Fetching param cache', phase: () => 'download' },
  // After a fresh download web-llm reads the weights back from its cache onto the GPU.
  { prefix: 'Loading model from cache', phase: (cached) => (cached ? 'cache' : 'load') },
  { prefix: 'Loading GPU shader modules', phase: () => 'compile' },
  { prefix: 'Finish loading', phase: () => 'load' },
];

/** Follows one load: turns each web-llm report into the app's LoadProgress. */
export class LoadProgressTracker {
  #phase: LoadPhase;
  #totalBytes: number | null = null;

  /** `cachedAtStart`: the weights were already in this browser's cache when loading began. */
  constructor(private readonly cachedAtStart: boolean) {
    this.#phase = cachedAtStart ? 'cache' : 'download';
  }

  /** The size of the weights, once known (from the model's tensor-cache manifest). */
  set totalBytes(bytes: number | null) {
    this.#totalBytes = bytes;
  }

  get phase(): LoadPhase {
    return this.#phase;
  }

  next(report: InitReport): LoadProgress {
    const known = PREFIXES.find((p) => report.text.startsWith(p.prefix));
    if (known) this.#phase = known.phase(this.cachedAtStart);
    const fraction = Number.isFinite(report.progress) ? Math.min(1, Math.max(0, report.progress)) : null;
    const byWeight = this.#phase !== 'compile' && this.#totalBytes !== null && fraction !== null;
    return {
      phase: this.#phase,
      fraction,
      loadedBytes: byWeight ? Math.round(fraction * this.#totalBytes!) : null,
      totalBytes: byWeight ? this.#totalBytes : null,
      text: '',
    };
  }
}
