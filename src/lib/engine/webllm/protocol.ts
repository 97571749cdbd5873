// The messages between the page and the web-llm worker: wire types only. The page never imports
// web-llm: it sends these, and the worker (which alone loads the library) answers with these. Both
// worker engines speak the same vocabulary (load, chat, abort, unload → progress, token, loaded,
// done, unloaded, failed); web-llm adds device_lost. Everything is cloneable.

import type { LoadProgress } from '../types';
import type { ChatMessage, ChatResult } from '../../core/chat';
import type { WorkerModelSpec } from './modelSpec';

/** Options for one chat call, as the worker needs them. */
export interface WorkerChatOptions {
  maxTokens?: number;
  temperature?: number;
  /** A JSON Schema (as an object) to constrain the reply with web-llm's `response_format`. */
  schema?: Record<string, unknown>;
  /** false: switch Qwen3 thinking off. Anything else: the model may think; it is removed from the reply. */
  thinking?: boolean;
}

/** What the worker learned about a failure beyond the error itself (checked by fetching, never by reading messages). */
export type FailureDiagnosis =
  | { kind: 'http'; url: string; status: number }
  | { kind: 'network'; url: string }
  | { kind: 'device_lost' };

/** An error as it crosses the worker boundary: web-llm's error name and message, plus our diagnosis. */
export interface WireError {
  name: string;
  message: string;
  diagnosis?: FailureDiagnosis;
}

export type PageToWorker =
  | { type: 'load'; id: number; model: WorkerModelSpec }
  | { type: 'chat'; id: number; messages: ChatMessage[]; options: WorkerChatOptions }
  | { type: 'abort'; id: number }
  | { type: 'unload'; id: number };

export type WorkerToPage =
  | { type: 'progress'; id: number; progress: LoadProgress }
  | { type: 'loaded'; id: number }
  | { type: 'token'; id: number; text: string }
  | { type: 'done'; id: number; result: ChatResult }
  | { type: 'unloaded'; id: number }
  | { type: 'failed'; id: number; error: WireError }
  /** The GPU device went away outside any call; the model must be loaded again. */
  | { type: 'device_lost' };
