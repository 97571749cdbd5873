// What the app sees of an engine beyond the chat port (core/chat.ts): loading with progress.
// The chat port itself is the core's; engines implement it.

/** What an on-device engine is doing while it gets ready. */
export type LoadPhase = 'download' | 'cache' | 'compile' | 'load';

export interface LoadProgress {
  phase: LoadPhase;
  /** 0…1 when known. */
  fraction: number | null;
  loadedBytes: number | null;
  totalBytes: number | null;
  /** The engine's own words, for display. */
  text: string;
}

export interface EngineLoadOptions {
  /** Aborting cancels the load (download, compile) with an AbortError. */
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}
