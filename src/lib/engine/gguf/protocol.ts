// The messages between the page and the GGUF engine's worker: wire types only. Both worker engines
// speak the same vocabulary (load, chat, abort, unload → progress, token, loaded, done, unloaded, failed).

import type { ChatMessage, ChatResult, JsonSchemaSpec } from '../../core/chat';
import type { LoadProgress } from '../types';
import type { GgufModelInfo, MemoryEstimate } from './ggufModel';
import type { GgufModelSource } from './settings';
import type { Placement } from './gpuProbe';

export interface GgufLoadRequest {
  /** A URL here is absolute (the page resolves it); a URL's model is downloaded once, then stored. */
  source: GgufModelSource;
  /** Tokens of context (KV cache) to allocate; 0 chooses from the model (contextChoice.ts). */
  contextSize: number;
  /** CPU threads; 0 chooses from the number of cores. More than one needs cross-origin isolation. */
  threads: number;
  /** Offload layers to WebGPU when the browser offers an adapter. */
  useGpu: boolean;
}

/** What the worker reports once a model is ready. */
export interface GgufLoaded {
  label: string;
  /** The context actually allocated. */
  contextSize: number;
  threads: number;
  multithreaded: boolean;
  /** Where the model runs (GPU via WebGPU, or CPU threads) and why not the GPU. */
  placement: Placement;
  info: GgufModelInfo;
  estimate: MemoryEstimate;
}

export interface GgufChatRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  schema?: JsonSchemaSpec;
  thinking?: boolean;
  /** Whether to send `token` messages as the reply is generated. */
  stream: boolean;
}

export type PageToWorker =
  | { type: 'load'; id: number; request: GgufLoadRequest }
  | { type: 'chat'; id: number; request: GgufChatRequest }
  | { type: 'abort'; id: number }
  | { type: 'unload'; id: number };

export type WorkerToPage =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'token'; id: number; text: string }
  | { type: 'loaded'; id: number; loaded: GgufLoaded }
  | { type: 'done'; id: number; result: ChatResult }
  | { type: 'unloaded'; id: number }
  | { type: 'failed'; id: number; error: WireError };

/** An error as it crosses the worker boundary. */
export type WireError =
  | { kind: 'abort' }
  | { kind: 'known'; code: string; fields: Record<string, string | number> }
  | { kind: 'unexpected'; message: string };
