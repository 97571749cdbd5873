// The messages between the page and the web-llm worker. The page never imports web-llm: it sends
// these, and the worker (which alone loads the library) answers with these. Everything is cloneable.

import { causeText } from '../../core/errors';
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
  | { type: 'load'; model: WorkerModelSpec }
  | { type: 'chat'; id: number; messages: ChatMessage[]; options: WorkerChatOptions }
  | { type: 'interrupt'; id: number }
  | { type: 'unload' };


export type WorkerToPage =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'loaded' }
  | { type: 'load_failed'; error: WireError }
  | { type: 'token'; id: number; text: string }
  | { type: 'done'; id: number; result: ChatResult }
  | { type: 'failed'; id: number; error: WireError }
  /** The GPU device went away outside any call; the model must be loaded again. */
  | { type: 'device_lost' };

/** Turns anything thrown (Error, DOMException, web-llm's worker strings "Name: message") into a WireError. */
export function toWireError(err: unknown): WireError {
  if (typeof err === 'string') {
    // A web-llm worker engine rejects with `err.toString()`: "DeviceLostError: …".
    const match = /^([A-Za-z]\w*(?:Error|Exception))(?::\s*([\s\S]*))?$/.exec(err.trim());
    if (match) return { name: match[1]!, message: match[2] ?? '' };
    return { name: 'Error', message: err };
  }
  if (typeof err === 'object' && err !== null) {
    const name = 'name' in err && typeof err.name === 'string' ? err.name : 'Error';
    const message = 'message' in err && typeof err.message === 'string' ? err.message : '';
    return { name, message };
  }
  return { name: 'Error', message: causeText(err) };
}
