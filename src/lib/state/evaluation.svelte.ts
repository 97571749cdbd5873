// The Evaluate page's state: importing a HealthBench-format file (or the demo set), running plain /
// revised / both with progress and Stop, past evaluations from IndexedDB (resumable after a reload),
// and Settings' "Check this model". The evaluation code is loaded on first use, not with the app.

import type { ChatEngine } from '../core/chat';
import { describeError, isAbortError } from '../core/errors';
import type { ModelCheckReport } from '../core/eval/modelCheck';
import type { EvalMode, EvalProgress, EvalReport, EvalResult } from '../core/eval/runner';
import type { HealthBenchExample, LineProblem } from '../core/healthbench/format';
import type { PrinciplesRepository } from '../db/principlesRepository';
import type { EvaluationRecord, EvaluationsRepository } from '../db/evaluationsRepository';
import { DEFAULT_OPENAI_SETTINGS } from '../engine/settings';
import type { EngineState } from './engine.svelte';
import type { SettingsState } from './settings.svelte';

/** A file read and checked, waiting for the user to start it. */
export interface PendingImport {
  name: string;
  examples: HealthBenchExample[];
  problems: LineProblem[];
}

/** Who grades: the answer engine itself, or a second OpenAI-compatible server. */
export type GraderChoice = { kind: 'same' } | { kind: 'server'; baseUrl: string; model: string; apiKey: string };

export interface EvalStartOptions {
  mode: EvalMode;
  grader: GraderChoice;
  /** Replies at once; used only when the answer engine is a server. */
  concurrency: number;
  /** Run the valid examples of a file that has bad lines. */
  skipBadLines: boolean;
}

/** An evaluation opened for reading: its record, examples and graded replies. */
export interface OpenEvaluation {
  record: EvaluationRecord;
  examples: HealthBenchExample[];
  results: EvalResult[];
  report: EvalReport;
}

export type CheckStatus = 'idle' | 'running' | 'done' | 'failed';

const loadEval = () => Promise.all([import('../core/eval/runner'), import('../core/eval/revised'), import('../core/healthbench/read')]);

function newId(): string {
  return `eval-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 6)}`;
}

/** The bad-lines refusal, as the page shows it. */
export class BadLinesError extends Error {
  constructor(readonly count: number) {
    super(`The file has ${count} bad line(s), so nothing was run. Fix them, or tick "Skip the bad lines" to evaluate the valid examples.`);
    this.name = 'BadLinesError';
  }
}

export class EvaluationState {
  #list = $state.raw<EvaluationRecord[]>([]);
  #loaded = $state(false);
  #pending = $state.raw<PendingImport | null>(null);
  #reading = $state(false);
  #open = $state.raw<OpenEvaluation | null>(null);
  #progress = $state.raw<EvalProgress | null>(null);
  #runningId = $state<string | null>(null);
  #notice = $state<string | null>(null);
  #controller: AbortController | null = null;

  #checkStatus = $state<CheckStatus>('idle');
  #checkProgress = $state.raw<{ done: number; total: number } | null>(null);
  #checkReport = $state.raw<ModelCheckReport | null>(null);
  #checkError = $state<string | null>(null);
  #checkController: AbortController | null = null;

  constructor(
    private readonly deps: {
      repo: EvaluationsRepository;
      principles: PrinciplesRepository;
      settings: SettingsState;
      engine: EngineState;
    },
  ) {}

  get list(): EvaluationRecord[] {
    return this.#list;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get pending(): PendingImport | null {
    return this.#pending;
  }
  get reading(): boolean {
    return this.#reading;
  }
  /** The evaluation shown (the one running, or one opened from the list). */
  get open(): OpenEvaluation | null {
    return this.#open;
  }
  get progress(): EvalProgress | null {
    return this.#progress;
  }
  get running(): boolean {
    return this.#runningId !== null;
  }
  get runningId(): string | null {
    return this.#runningId;
  }
  /** A problem to show above the form (nothing was run, or the run ended on it). */
  get notice(): string | null {
    return this.#notice;
  }
  /** Server engines can take several replies at once; on-device engines run one at a time. */
  get answerEngineIsServer(): boolean {
    return this.deps.settings.engine.kind === 'openai';
  }

  /** Marked running but not running in this tab: the tab was closed or reloaded mid-run. */
  isInterrupted(record: EvaluationRecord): boolean {
    return record.status === 'running' && this.#runningId !== record.id;
  }

  async refresh(): Promise<void> {
    this.#list = await this.deps.repo.list();
    this.#loaded = true;
  }

  /** Reads and checks a HealthBench JSONL file line by line. */
  async importFile(file: File): Promise<void> {
    const [, , read] = await loadEval();
    await this.#read(file.name, read.decodeBytes(file.stream() as unknown as AsyncIterable<Uint8Array>));
  }

  /** The demo set shipped with the app (28 examples written for ClinRevise, all seven themes). */
  async loadDemo(): Promise<void> {
    const { default: text } = await import('../../../datasets/healthbench-demo.jsonl?raw');
    await this.#read('healthbench-demo.jsonl', [text]);
  }

  clearImport(): void {
    this.#pending = null;
    this.#notice = null;
  }

  async #read(name: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
    this.#reading = true;
    this.#notice = null;
    try {
      const [, , read] = await loadEval();
      const { examples, problems } = await read.collectHealthBench(read.splitLines(chunks));
      this.#pending = { name, examples, problems };
    } catch (err) {
      this.#notice = `The file could not be read (${describeError(err)}).`;
    } finally {
      this.#reading = false;
    }
  }

  /** Starts an evaluation of the pending import; `onCreated` gets its id once it is stored. */
  async start(options: EvalStartOptions, onCreated?: (id: string) => void): Promise<void> {
    const pending = this.#pending;
    if (!pending || this.running) return;
    this.#notice = null;
    if (pending.problems.length && !options.skipBadLines) {
      this.#notice = new BadLinesError(pending.problems.length).message;
      return;
    }
    if (!pending.examples.length) {
      this.#notice = 'The file has no examples to evaluate.';
      return;
    }
    const now = Date.now();
    const record: EvaluationRecord = {
      id: newId(),
      name: pending.name,
      createdAt: now,
      updatedAt: now,
      mode: options.mode,
      total: pending.examples.length,
      status: 'running',
      answerEngineLabel: '',
      graderEngineLabel: '',
      grader: options.grader.kind === 'same' ? { kind: 'same' } : { kind: 'server', baseUrl: options.grader.baseUrl, model: options.grader.model },
      concurrency: this.answerEngineIsServer ? Math.max(1, Math.floor(options.concurrency)) : 1,
      failures: [],
      problem: null,
      cost: { calls: 0, prefilled: 0, decoded: 0, unreported: 0 },
    };
    await this.deps.repo.create(record, pending.examples);
    this.#pending = null;
    onCreated?.(record.id);
    await this.#execute(record, pending.examples, options.grader.kind === 'server' ? options.grader.apiKey : '');
  }

  /** Continues an interrupted or stopped evaluation; graded replies are kept, the rest run. */
  async resume(id: string, graderApiKey = ''): Promise<void> {
    if (this.running) return;
    const record = await this.deps.repo.get(id);
    if (!record) return;
    this.#notice = null;
    await this.#execute({ ...record, status: 'running', problem: null, failures: [] }, await this.deps.repo.examples(id), graderApiKey);
  }

  stop(): void {
    this.#controller?.abort();
    // Stop also cancels an engine still loading for this run (a no-op once it has loaded).
    if (this.running && !this.#progress) this.deps.engine.cancelLoad();
  }

  /** Opens a stored evaluation for reading. */
  async show(id: string | null): Promise<void> {
    if (!id) {
      if (!this.running) this.#open = null;
      return;
    }
    if (this.#open?.record.id === id) return;
    const [record, examples, results] = await Promise.all([this.deps.repo.get(id), this.deps.repo.examples(id), this.deps.repo.results(id)]);
    if (!record) {
      this.#open = null;
      return;
    }
    const [runner] = await loadEval();
    this.#open = { record, examples, results, report: runner.evalReport(results, record.mode) };
  }

  async delete(id: string): Promise<void> {
    if (this.#runningId === id) return;
    await this.deps.repo.delete(id);
    if (this.#open?.record.id === id) this.#open = null;
    await this.refresh();
  }

  async #graderEngine(record: EvaluationRecord, answer: ChatEngine, apiKey: string): Promise<ChatEngine> {
    if (record.grader.kind === 'same') return answer;
    const { createEngine } = await import('../engine/createEngine');
    return createEngine({ ...DEFAULT_OPENAI_SETTINGS, baseUrl: record.grader.baseUrl, model: record.grader.model, apiKey });
  }

  async #execute(initial: EvaluationRecord, examples: HealthBenchExample[], graderApiKey: string): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.#runningId = initial.id;
    this.#progress = null;
    let record = initial;
    const save = async (patch: Partial<EvaluationRecord>) => {
      record = { ...record, ...patch, updatedAt: Date.now() };
      await this.deps.repo.save(record);
      if (this.#open?.record.id === record.id) this.#open = { ...this.#open, record };
    };
    try {
      const [runner, revised] = await loadEval();
      const results = await this.deps.repo.results(record.id);
      this.#open = { record, examples, results, report: runner.evalReport(results, record.mode) };
      await this.refresh();
      const answerEngine = await this.deps.engine.get(this.deps.settings.engine);
      const graderEngine = await this.#graderEngine(record, answerEngine, graderApiKey);
      await save({ answerEngineLabel: answerEngine.label, graderEngineLabel: graderEngine.label });
      const countTokens = record.mode === 'plain' ? undefined : await (await import('../core/pipeline/tokens')).budgetTokenCounter();
      const principles = await this.deps.principles.list();
      const costBefore = record.cost;
      const outcome = await runner.runEvaluation({
        examples,
        total: examples.length,
        mode: record.mode,
        answerEngine,
        graderEngine,
        revised: record.mode === 'plain' ? undefined : revised.revisedAnswerer({ principles, options: this.deps.settings.runOptions, countTokens }),
        concurrency: record.concurrency,
        store: this.deps.repo.store(record.id),
        signal: controller.signal,
        onProgress: (p) => {
          this.#progress = p;
          if (p.last && this.#open?.record.id === record.id) {
            const all = [...this.#open.results, p.last];
            this.#open = { ...this.#open, results: all, report: runner.evalReport(all, record.mode) };
          }
        },
      });
      const cost = { calls: costBefore.calls + outcome.cost.calls, prefilled: costBefore.prefilled + outcome.cost.prefilled, decoded: costBefore.decoded + outcome.cost.decoded, unreported: costBefore.unreported + outcome.cost.unreported };
      const all = await this.deps.repo.results(record.id);
      const report = runner.evalReport(all, record.mode);
      const summary = report.mode === 'both' ? { plain: report.plain.overall.score, revised: report.revised.overall.score } : { [report.mode]: report.overall.score };
      await save({ status: outcome.status === 'stopped' ? 'stopped' : 'done', failures: outcome.failures, cost, summary });
    } catch (err) {
      const stopped = isAbortError(err) || controller.signal.aborted;
      const problem = stopped ? null : describeError(err);
      if (problem) this.#notice = problem;
      await save({ status: stopped ? 'stopped' : 'failed', problem });
    } finally {
      this.#runningId = null;
      this.#controller = null;
      await this.refresh();
    }
  }

  // ——— Settings → "Check this model" ———

  get checkStatus(): CheckStatus {
    return this.#checkStatus;
  }
  get checkProgress(): { done: number; total: number } | null {
    return this.#checkProgress;
  }
  get checkReport(): ModelCheckReport | null {
    return this.#checkReport;
  }
  get checkError(): string | null {
    return this.#checkError;
  }

  /** Runs the model check with the engine selected in Settings. */
  async checkModel(): Promise<void> {
    if (this.#checkStatus === 'running') return;
    const controller = new AbortController();
    this.#checkController = controller;
    this.#checkStatus = 'running';
    this.#checkError = null;
    this.#checkReport = null;
    this.#checkProgress = null;
    try {
      const [modelCheck, { default: text }] = await Promise.all([import('../core/eval/modelCheck'), import('../../../datasets/model-check.jsonl?raw')]);
      const engine = await this.deps.engine.get(this.deps.settings.engine);
      const report = await modelCheck.runModelCheck({
        engine,
        cases: modelCheck.parseCalibrationSet(text),
        principles: await this.deps.principles.list(),
        signal: controller.signal,
        concurrency: this.answerEngineIsServer ? 4 : 1,
        onProgress: (done, total) => (this.#checkProgress = { done, total }),
      });
      this.#checkReport = report;
      this.#checkStatus = 'done';
    } catch (err) {
      this.#checkStatus = isAbortError(err) ? 'idle' : 'failed';
      this.#checkError = isAbortError(err) ? null : describeError(err);
    } finally {
      this.#checkController = null;
    }
  }

  stopCheck(): void {
    this.#checkController?.abort();
  }
}
