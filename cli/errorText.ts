// The CLI's words for a failed run. The core's messages are written for the web page ("in Settings",
// "this page (CORS)"); here each hint names the flag to change instead. Errors are told apart by
// their stable `code` and fields, never by message text; anything else keeps the core's message.

import { describeError, errorCode } from '../src/lib/core/errors';
import { STEP_LABELS } from '../src/lib/core/steps';
import { formatCount } from '../src/lib/core/units';
import type { StepName } from '../src/lib/core/types';

/** What the CLI was asked to use, so hints can quote it. */
export interface CliRunContext {
  baseUrl: string;
  timeoutSeconds: number;
  contextWindow: number;
  /** The run's signal: a connection diagnosis stops with it. */
  signal?: AbortSignal;
}

/** The fields our errors carry; read structurally so the CLI does not depend on where each class lives. */
interface ErrorFields {
  step?: StepName;
  cause?: unknown;
  server?: string;
  status?: number;
  seconds?: number;
  detail?: string;
  neededTokens?: number;
  windowTokens?: number;
}

const fields = (err: unknown): ErrorFields => (typeof err === 'object' && err !== null ? (err as ErrorFields) : {});

/**
 * Ports that fetch refuses to connect to (the WHATWG Fetch standard's "bad port" list), so a server
 * on one can never be reached from Node or a browser, whatever else is right.
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** A usage problem with --base-url that no server could fix (a port fetch refuses), or null. */
export function baseUrlProblem(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return null; // engineSettingsProblems reports malformed URLs
  }
  const port = Number(url.port);
  if (url.port && FETCH_BLOCKED_PORTS.has(port)) {
    return `--base-url uses port ${port}, which fetch refuses to connect to (a blocked port in the Fetch standard); run the server on another port, e.g. 8000.`;
  }
  return null;
}

/** Why a connection to `baseUrl` fails, from a fresh attempt's system error code (e.g. ECONNREFUSED). */
export async function diagnoseConnection(baseUrl: string, signal?: AbortSignal): Promise<string> {
  try {
    const timeout = AbortSignal.timeout(5_000);
    await fetch(baseUrl, { method: 'GET', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    return 'it answers now; it may have been restarting';
  } catch (err) {
    const code = (err as { cause?: { code?: unknown } }).cause?.code;
    if (code === 'ECONNREFUSED') return 'connection refused: nothing is listening on that port. Is the server running, and is the port in --base-url right?';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name in --base-url could not be resolved. Check the spelling, or use the server\'s IP address.';
    if (code === 'ECONNRESET' || code === 'EPIPE') return 'the server closed the connection. Is --base-url the API address (http or https, port) of an OpenAI-compatible server?';
    if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || (err as { name?: unknown }).name === 'TimeoutError') {
      return 'no route to the host, or it does not answer. Check the address in --base-url and your network.';
    }
    if (typeof code === 'string' && /CERT|TLS|SSL/.test(code)) {
      return `its TLS certificate is not trusted (${code}). For a clinic's own certificate authority, set NODE_EXTRA_CA_CERTS to its PEM file.`;
    }
    return typeof code === 'string' ? `the connection failed (${code}). Check --base-url.` : 'the connection failed. Check --base-url.';
  }
}

/** The CLI's one-line explanation of why a run failed, with the flag to change where there is one. */
export async function describeCliFailure(err: unknown, context: CliRunContext): Promise<string> {
  const { step, cause } = fields(err);
  if (step && cause !== undefined && STEP_LABELS[step]) return `${STEP_LABELS[step]} failed: ${await describeCause(cause, context)}`;
  return describeCause(err, context);
}

async function describeCause(err: unknown, context: CliRunContext): Promise<string> {
  const f = fields(err);
  const server = f.server ?? context.baseUrl;
  switch (errorCode(err)) {
    case 'server_unreachable':
      return `Could not reach the model server at ${server}: ${await diagnoseConnection(server, context.signal)}`;
    case 'server_timeout':
      return (
        `The model server at ${server} sent nothing for ${f.seconds ?? context.timeoutSeconds} s. ` +
        'It may be overloaded or the model too slow: try again, or allow longer with --timeout SECONDS.'
      );
    case 'server_connection_lost':
      // The app's wording points at its Resume button; the CLI has none.
      return (
        `The connection to the model server at ${server} was lost in the middle of its reply${f.detail ? ` (${f.detail})` : ''}. ` +
        'Check that the server is still running and reachable, then run the command again.'
      );
    case 'server_http_error':
      if (f.status === 401 || f.status === 403) {
        return `The model server at ${server} refused the request (HTTP ${f.status}). Check --api-key (or CLINREVISE_API_KEY).`;
      }
      if (f.status === 404) {
        return `The model server at ${server} answered HTTP 404. Check --base-url (it usually ends in /v1) and --model.`;
      }
      return describeError(err);
    case 'context_budget':
      return (
        `The question needs about ${formatCount(f.neededTokens ?? 0)} tokens but --context-window is ${formatCount(f.windowTokens ?? context.contextWindow)}. ` +
        'Shorten it, or raise --context-window if the server\'s model holds more.'
      );
    case 'engine_not_configured':
      return 'The server is not set up: give --base-url and --model.';
    default:
      return describeError(err);
  }
}
