// The run on the Ask page: starts, streams, stops and resumes runs, and exposes them to the UI.
// Each run owns its AbortController; a Web Lock marks it as alive so History can tell an
// interrupted run (tab closed mid-run) from one still going in another tab.

import { EmptyQuestionError, errorCode } from '../core/errors';
import { errorText } from '../i18n/errors';
import { createRun, finishRun } from '../core/pipeline/fold';
import { StorageFullError } from '../db/errors';
import { assertQuestionLength } from '../core/pipeline/questionLength';
import type { TokenCounter } from '../core/pipeline/tokens';
import { configuredContextWindow, sharedWorkerTokenizer, tokenCounterFor, usesExactTokenizer } from '../tokenizer';
import type { EngineKind } from '../engine/settings';
import type { Run, RunOptions } from '../core/types';
import type { Turn } from '../core/conversation';
import type { PrinciplesRepository } from '../db/principlesRepository';
import type { RunsRepository } from '../db/runsRepository';
import { recordRun, type LiveText } from '../services/recordRun';
import { UsageTotallingEngine } from '../services/usageTotals';
import { ActivityWatchingEngine } from '../services/engineActivity';
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

/** What a running run waits for: all times in ms since the epoch. */
export interface RunActivity {
  runId: string;
  /** When the current step began. */
  stepStartedAt: number;
  /** When the model call in flight began; null between calls. */
  callStartedAt: number | null;
  /** When the model was last heard from during that call; null between calls. */
  lastHeardAt: number | null;
}

export class RunSession {
  #run = $state.raw<Run | null>(null);
  #live = $state.raw<LiveText | null>(null);
  #notice = $state<string | null>(null);
  #busy = $state(false);
  /** Why the run on screen is not saved (storage full): it lives only in memory, for export. */
  #unsaved = $state<string | null>(null);
  /** Between Ask and the run's start (engine load, tokenizer): a second Ask must not start another run. */
  #starting = $state(false);
  #controller: AbortController | null = null;
  /** Aborts the start (engine load, tokenizer) when Stop is pressed before the run begins. */
  #startController: AbortController | null = null;
  /** Since when the tokenizer has been loading for this run (null when not waiting for it). */
  #tokenizerSince = $state<number | null>(null);
  /** The running run's engine, watched for silence (plain: the screen samples it on its own clock). */
  #watched: ActivityWatchingEngine | null = null;
  /** When the step on screen began (plain, sampled with the activity). */
  #stepStartedAt: number | null = null;

  constructor(
    private readonly deps: {
      runs: RunsRepository;
      principles: PrinciplesRepository;
      settings: SettingsState;
      engine: EngineState;
      onRunSaved: () => void;
    },
  ) {
    // Another tab taking the on-device model over stops the run here at its step (it can be resumed).
    deps.engine.onHandOver?.(() => this.stop());
  }

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

  /** Set when the run on screen could not be saved (storage full): the message to show with its export. */
  get unsaved(): string | null {
    return this.#unsaved;
  }

  /** Since when the run has been waiting for the tokenizer to load (null when it is not). */
  get tokenizerLoadingSince(): number | null {
    return this.#tokenizerSince;
  }

  /**
   * What the running run is waiting for, sampled by the progress line every second: when its step
   * began and when the model was last heard from (null when no run is in progress).
   */
  get activity(): RunActivity | null {
    const run = this.#run;
    if (!this.#busy || !run || run.status !== 'running' || this.#stepStartedAt === null) return null;
    const { callStartedAt, lastHeardAt } = this.#watched?.activity ?? { callStartedAt: null, lastHeardAt: null };
    return { runId: run.id, stepStartedAt: this.#stepStartedAt, callStartedAt, lastHeardAt };
  }

  /** A run is starting or in progress. */
  get busy(): boolean {
    return this.#busy || this.#starting;
  }

  /**
   * Starts a new run. `userDraft` switches to "check my answer". `follow` makes it a turn of a
   * conversation (earlier turns as context, linked to the previous turn's run) and/or gives it its
   * own options instead of the saved ones (Re-run with other settings).
   */
  async ask(question: string, userDraft?: string, follow?: { context?: Turn[]; previousRunId?: string; options?: RunOptions }): Promise<void> {
    if (this.busy) return;
    this.#starting = true;
    this.#notice = null;
    const options: RunOptions = { ...(follow?.options ?? this.deps.settings.runOptions), userDraft: userDraft?.trim() || undefined };
    const settings = this.deps.settings.engine;
    const start = new AbortController();
    this.#startController = start;
    let engine;
    try {
      if (!question.trim()) throw new EmptyQuestionError();
      // Cheap and first: a question far too long for the window is refused before anything loads.
      assertQuestionLength(question.trim(), configuredContextWindow(settings), options.userDraft);
      // The engine and the tokenizer load side by side; counting happens in the tokenizer's worker.
      const [loaded, countTokens, { assertQuestionFits }] = await Promise.all([
        this.deps.engine.get(settings),
        this.#tokenCounter(settings.kind, start.signal),
        loadPipeline(),
      ]);
      engine = loaded;
      await assertQuestionFits(question.trim(), engine.contextWindow, countTokens, options.userDraft);
    } catch (err) {
      this.#notice = errorText(err);
      this.#starting = false;
      this.#startController = null;
      return;
    }
    this.#starting = false;
    this.#startController = null;
    const created = createRun({ id: newRunId(), question: question.trim(), context: follow?.context, options, engineLabel: engine.label, now: Date.now() });
    const run: Run = follow?.previousRunId ? { ...created, previousRunId: follow.previousRunId } : created;
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
    this.#startController?.abort();
    this.#controller?.abort();
  }

  /** Shows a stored run without running it. */
  show(run: Run | null): void {
    if (this.busy) return;
    this.#run = run;
    this.#unsaved = null;
  }

  /** The token counter for this engine kind, telling the UI while the tokenizer loads. */
  async #tokenCounter(kind: EngineKind, signal: AbortSignal): Promise<TokenCounter> {
    const worker = usesExactTokenizer(kind) ? sharedWorkerTokenizer() : null;
    if (worker && worker.status !== 'ready' && worker.status !== 'fallback') this.#tokenizerSince = Date.now();
    try {
      return await tokenCounterFor(kind, signal);
    } finally {
      this.#tokenizerSince = null;
    }
  }

  async #execute(run: Run, resuming: boolean): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.#busy = true;
    this.#run = run;
    this.#unsaved = null;
    const work = async () => {
      try {
        const watched = new ActivityWatchingEngine(await this.deps.engine.get(this.deps.settings.engine));
        this.#watched = watched;
        this.#stepStartedAt = Date.now();
        let shownStep = run.currentStep;
        const engine = new UsageTotallingEngine(watched, run.usage);
        const principles = await this.deps.principles.list();
        const [{ runPipeline }, countTokens] = await Promise.all([loadPipeline(), this.#tokenCounter(this.deps.settings.engine.kind, controller.signal)]);
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
          save: (r) => this.deps.runs.save({ ...r, usage: engine.totals }),
          onChange: (r, live) => {
            if (r.currentStep !== shownStep) {
              shownStep = r.currentStep;
              this.#stepStartedAt = Date.now();
            }
            this.#run = { ...r, usage: engine.totals };
            this.#live = live;
          },
          onStorageFull: () => (this.#unsaved = errorText(new StorageFullError())),
          // A resumed run's record predates this attempt and is kept; a new run leaves no partial record.
          discard: resuming ? undefined : () => this.deps.runs.delete(run.id),
        });
      } catch (err) {
        // Only setup failures (engine, storage) land here; run errors are recorded by recordRun.
        this.#notice = errorText(err);
        // Never leave "Starting…" on screen: a new run that never began goes; anything else shows as failed.
        const shown = this.#run;
        if (shown?.status === 'running') {
          this.#run =
            shown === run && !resuming
              ? null
              : finishRun(shown, 'failed', { step: shown.currentStep ?? 'draft', code: errorCode(err), message: errorText(err) });
          this.#live = null;
        }
      } finally {
        this.#busy = false;
        this.#controller = null;
        this.#watched = null;
        this.#stepStartedAt = null;
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
