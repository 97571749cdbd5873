// Drives a pipeline to the end while keeping its Run record current: every event is folded, every
// completed step saved at once (so a closed tab loses at most the step in flight), and any ending —
// done, failed or stopped — is saved with what was completed.

import { StepFailedError, errorCode, isAbortError } from '../core/errors';
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
}

/** Runs the events to completion and returns the final record (already saved). Never throws for run errors. */
export async function recordRun({ run: initial, events, save, onChange }: RecordRunInput): Promise<Run> {
  let run: Run = { ...initial, status: 'running', failure: null };
  let live = null as LiveText | null;
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
      if (event.type !== 'step_started') await save(run);
      onChange?.(run, live);
    }
    if (run.status === 'running') run = finishRun(run, 'failed', { step: run.currentStep ?? 'classify', code: 'unexpected', message: 'The run ended without a final answer.' });
  } catch (err) {
    const step: StepName = err instanceof StepFailedError ? err.step : (run.currentStep ?? 'classify');
    run = isAbortError(err)
      ? finishRun(run, 'stopped', { step, code: 'stopped', message: 'Stopped.' })
      : finishRun(run, 'failed', { step, code: errorCode(err), message: errorText(err) });
    run = { ...run, updatedAt: Date.now() };
  }
  live = null;
  await save(run);
  onChange?.(run, live);
  return run;
}
