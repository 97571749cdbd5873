// How web-llm's failures cross the worker boundary: as their error name and message (web-llm exports
// no error classes, and its worker engine rejects with "Name: message" strings), plus our diagnosis.

import { causeText } from '../../core/errors';
import type { WireError } from './protocol';

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

/** The WireError a value already is, or the one it turns into. */
export function asWireError(reported: unknown): WireError {
  return typeof reported === 'object' && reported !== null && 'name' in reported && 'message' in reported && typeof (reported as WireError).name === 'string'
    ? (reported as WireError)
    : toWireError(reported);
}
