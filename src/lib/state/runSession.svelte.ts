// The run on the Ask page: starts, streams, stops and resumes runs, and exposes them to the UI.
// Each run owns its AbortController; a Web Lock marks it as alive so History can tell an
// interrupted run (tab closed mid-run) from one still going in another tab.

import { EmptyQuestionError } from '../core/errors';
import { errorText } from '../i18n/errors';
import { createRun } from '../core/pipeline/fold';
import { budgetTokenCounter } from '../core/pipeline/tokens';
import type { Run, RunOptions } from '../core/types';
import type { PrinciplesRepository } from '../db/principlesRepository';
import type { RunsRepository } from '../db/runsRepository';
import { recordRun, type LiveText } from '../services/recordRun';
import type { EngineState } from './engine.svelte';
import type { SettingsState } from './settings.svelte';

/** Name of the Web Lock held while a run is in progress. */
export const RUN_LOCK_PREFIX = 'clinrevise-run:';
export const runLockName = (id: string) => `${RUN_LOCK_PREFIX}${id}`;

/** The pipeline (and its schema library) is fetched when the first run starts, not with the page. */
function loadPipeline() {
  return import('../core/pipeline/pipeline');
}

function newRunId(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

export class RunSession {
  #run = $state.raw<Run | null>(null);
  #live = $state.raw<LiveText | null>(null);
  #notice = $state<string | null>(null);
  #busy = $state(false);
  /** Between Ask and the run's start (engine load, tokenizer): a second Ask must not start another run. */
  #starting = $state(false);
  #controller: AbortController | null = null;

  constructor(
    private readonly deps: {
      runs: RunsRepository;
      principles: PrinciplesRepository;
      settings: SettingsState;
      engine: EngineState;
      onRunSaved: () => void;
    },
  ) {}

  /** The run being shown (in progress or just finished). */
  get run(): Run | null {
    return this.#run;
  }

  /** Text streaming into the round in progress. */
  get live(): LiveText | null {
    return this.#live;
  }

  /** A problem that stopped a run from starting (shown inline; nothing was sent). */
  get notice(): string | null {
    return this.#notice;
  }

  /** A run is starting or in progress. */
  get busy(): boolean {
    return this.#busy || this.#starting;
  }

  /** Starts a new run. `userDraft` switches to "check my answer". */
  async ask(question: string, userDraft?: string): Promise<void> {
    if (this.busy) return;
    this.#starting = true;
    this.#notice = null;
    const options: RunOptions = { ...this.deps.settings.runOptions, userDraft: userDraft?.trim() || undefined };
    let engine;
    try {
      if (!question.trim()) throw new EmptyQuestionError();
      engine = await this.deps.engine.get(this.deps.settings.engine);
      const { assertQuestionFits } = await loadPipeline();
      assertQuestionFits(question.trim(), engine.contextWindow, await budgetTokenCounter(), options.userDraft);
    } catch (err) {
      this.#notice = errorText(err);
      this.#starting = false;
      return;
    }
    this.#starting = false;
    const run = createRun({ id: newRunId(), question: question.trim(), options, engineLabel: engine.label, now: Date.now() });
    await this.#execute(run, false);
  }

  /** Continues an interrupted or failed run from its last completed step. */
  async resume(run: Run): Promise<void> {
    if (this.busy) return;
    this.#notice = null;
    await this.#execute(run, true);
  }

  /** Stops the run in progress at whatever step it is in. */
  stop(): void {
    if (this.#starting) this.deps.engine.cancelLoad();
    this.#controller?.abort();
  }

  /** Shows a stored run without running it. */
  show(run: Run | null): void {
    if (!this.busy) this.#run = run;
  }

  async #execute(run: Run, resuming: boolean): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.#busy = true;
    this.#run = run;
    const work = async () => {
      try {
        const engine = await this.deps.engine.get(this.deps.settings.engine);
        const principles = await this.deps.principles.list();
        const [{ runPipeline }, countTokens] = await Promise.all([loadPipeline(), budgetTokenCounter()]);
        await recordRun({
          run,
          events: runPipeline({
            conversation: [...(run.context ?? []), { role: 'user', content: run.question }],
            engine,
            principles,
            options: run.options,
            signal: controller.signal,
            resume: resuming ? run : undefined,
            countTokens,
          }),
          save: (r) => this.deps.runs.save(r),
          onChange: (r, live) => {
            this.#run = r;
            this.#live = live;
          },
        });
      } catch (err) {
        // Only setup failures (engine, storage) land here; run errors are recorded by recordRun.
        this.#notice = errorText(err);
      } finally {
        this.#busy = false;
        this.#controller = null;
        this.deps.onRunSaved();
      }
    };
    if (typeof navigator !== 'undefined' && navigator.locks) {
      await navigator.locks.request(runLockName(run.id), work);
    } else {
      await work();
    }
  }
}
