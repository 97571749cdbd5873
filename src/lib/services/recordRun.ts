// Drives a pipeline to the end while keeping its Run record current: every event is folded, every
// completed step saved at once (so a closed tab loses at most the step in flight), each step's start
// saved too (so an interrupted run names the step it died in), and any ending —
// done, failed or stopped — is saved with what was completed.

import { StepFailedError, errorCode, isAbortError } from '../core/errors';
import { isQuotaExceeded } from '../db/errors';
import { errorText } from '../i18n/errors';
import { applyRunEvent, finishRun } from '../core/pipeline/fold';
import type { Run, RunEvent, StepName } from '../core/types';

/** Text streaming into the round in progress (not persisted until the round completes). */
export interface LiveText {
  round: number;
  step: 'draft' | 'revise';
  text: string;
}

export interface RecordRunInput {
  /** The run as it starts (new, or an interrupted one being resumed). */
  run: Run;
  events: AsyncIterable<RunEvent>;
  save: (run: Run) => Promise<void>;
  /** Called after every change, for display. */
  onChange?: (run: Run, live: LiveText | null) => void;
  /**
   * Called once when the storage is full: the run goes on in memory and is not saved again. After
   * the run, `discard` (when given) removes what was saved of it before, so no partial record stays.
   */
  onStorageFull?: (run: Run, err: unknown) => void;
  discard?: () => Promise<void>;
}

/** Runs the events to completion and returns the final record (already saved). Never throws for run errors. */
export async function recordRun({ run: initial, events, save: store, onChange, onStorageFull, discard }: RecordRunInput): Promise<Run> {
  let run: Run = { ...initial, status: 'running', failure: null };
  let live = null as LiveText | null;
  let full = false;
  let savedBefore = false;
  // A full storage must not end the run: the answer still matters, and it stays on screen for export.
  const save = async (r: Run) => {
    if (full) return;
    try {
      await store(r);
      savedBefore = true;
    } catch (err) {
      if (!isQuotaExceeded(err)) throw err;
      full = true;
      onStorageFull?.(r, err);
    }
  };
  await save(run);
  onChange?.(run, live);
  try {
    for await (const event of events) {
      if (event.type === 'token') {
        const previous = live?.round === event.round ? live.text : '';
        live = { round: event.round, step: event.step, text: previous + event.text };
        onChange?.(run, live);
        continue;
      }
      run = { ...applyRunEvent(run, event), updatedAt: Date.now() };
      if (event.type === 'answer') live = null;
      // A step's start is saved too: a tab closed mid-step must record the step it died in, not the last one done.
      await save(run);
      onChange?.(run, live);
    }
    if (run.status === 'running') run = finishRun(run, 'failed', { step: run.currentStep ?? 'classify', code: 'unexpected', message: 'The run ended without a final answer.' });
  } catch (err) {
    const step: StepName = err instanceof StepFailedError ? err.step : (run.currentStep ?? 'classify');
    run = isAbortError(err)
      ? finishRun(run, 'stopped', { step, code: 'stopped', message: 'Stopped.' })
      : // The banner names the step; the message is the cause alone, so the step is never said twice.
        finishRun(run, 'failed', { step, code: errorCode(err), message: errorText(err instanceof StepFailedError ? err.cause : err) });
    run = { ...run, updatedAt: Date.now() };
  }
  live = null;
  await save(run);
  if (full && savedBefore && discard) await discard().catch(() => undefined);
  onChange?.(run, live);
  return run;
}
