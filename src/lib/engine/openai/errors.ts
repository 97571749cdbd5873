// Errors of the OpenAI-compatible HTTP engine: the server unreachable, answering an error, silent, or
// speaking something other than the API. Messages name the server and what to check.

import { ClinReviseError } from '../../core/errors';
import { formatCount } from '../../core/units';

/** The server could not be reached at all (connection refused, DNS, CORS, offline). */
export class ServerUnreachableError extends ClinReviseError {
  readonly code = 'server_unreachable';
  constructor(readonly server: string, detail?: string) {
    super(
      `Could not reach the model server at ${server}${detail ? ` (${detail})` : ''}. ` +
        'Check that it is running, that the URL is right, and that it allows requests from this page (CORS).',
    );
    this.name = 'ServerUnreachableError';
  }
}

/** The server answered with a non-2xx status. */
export class ServerHttpError extends ClinReviseError {
  readonly code = 'server_http_error';
  constructor(
    readonly server: string,
    readonly status: number,
    detail: string,
    /** The server's Retry-After, in seconds, when it sent one (429, 503). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    const hint =
      status === 401 || status === 403
        ? 'Check the API key in Settings.'
        : status === 404
          ? 'Check the server URL (it usually ends in /v1) and the model name.'
          : status >= 500
            ? 'The server failed; its log will say why.'
            : 'The server rejected the request.';
    super(`The model server at ${server} answered HTTP ${status}${detail ? `: ${detail}` : ''}. ${hint}`);
    this.name = 'ServerHttpError';
  }
}

/** Seconds from a Retry-After header (delay-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}

/** The server did not answer, or stopped streaming, within the time limit. */
export class ServerTimeoutError extends ClinReviseError {
  readonly code = 'server_timeout';
  constructor(readonly server: string, readonly seconds: number) {
    super(
      `The model server at ${server} sent nothing for ${formatCount(seconds)} s. ` +
        'It may be overloaded or the model too slow; try again or raise the timeout in Settings.',
    );
    this.name = 'ServerTimeoutError';
  }
}

/** The server accepted the request, then the connection broke before the reply was complete. */
export class ServerConnectionLostError extends ClinReviseError {
  readonly code = 'server_connection_lost';
  constructor(readonly server: string, readonly detail?: string) {
    super(
      `The connection to the model server at ${server} was lost in the middle of its reply${detail ? ` (${detail})` : ''}. ` +
        'Check that the server is still running and the network is up, then press Resume to continue from this step.',
    );
    this.name = 'ServerConnectionLostError';
  }
}

/** The server's reply was not a valid OpenAI-compatible (streamed) response. */
export class MalformedResponseError extends ClinReviseError {
  readonly code = 'malformed_response';
  constructor(readonly server: string, detail: string) {
    super(`The model server at ${server} sent a reply this app cannot read (${detail}). Is it OpenAI-compatible?`);
    this.name = 'MalformedResponseError';
  }
}
