#!/usr/bin/env node
// Entry point of `npx clinrevise`: runs the TypeScript CLI through tsx, so the CLI and the app share
// one core with no separate build step. It also owns stopping: Ctrl+C however it arrives.
//
// SIGINT, SIGTERM and SIGHUP stop the run (a second one exits at once). Under npx the process runs
// as `npm exec → sh -c → node`: a signal sent to npx alone is forwarded to the shell only, and when
// the shell dies of it (SIGTERM, SIGHUP) this process is left running as an orphan. So the parent is
// watched too: when it goes away, the run stops as if interrupted.
import { register } from 'tsx/esm/api';

/** Exit code per stopping cause: 128 + signal number, as shells report it. */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, parent: 130 };

const controller = new AbortController();
/** @type {keyof typeof EXIT_CODES | null} */
let stoppedBy = null;

/** @param {keyof typeof EXIT_CODES} cause */
function stop(cause) {
  if (stoppedBy) process.exit(EXIT_CODES[stoppedBy]);
  stoppedBy = cause;
  controller.abort();
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, () => stop(signal));
const parentPid = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid !== parentPid) stop('parent');
}, 250);
parentWatch.unref();

// An orphaned run may have lost its output pipe: a write then fails with EPIPE, which is not worth a stack trace.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

register();
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, signal: controller.signal });
clearInterval(parentWatch);
process.exitCode = stoppedBy && code === 130 ? EXIT_CODES[stoppedBy] : code;
