// What History can ask of the stored runs: text in questions and answers, a date range, engine,
// score and status. Pure, so the repository, the benchmark and the tests share one definition.

import type { Run, RunStatus } from '../types';

/** A run's status as History shows it: a `running` run whose tab is gone is `interrupted`. */
export type HistoryStatus = RunStatus | 'interrupted';

/** The History filters; every field is optional and all given ones must hold. */
export interface RunQuery {
  /** Case-insensitive text looked for in the question, earlier turns and every answer. */
  text?: string;
  /** Only runs created at or after this time (ms since the epoch). */
  from?: number;
  /** Only runs created before this time (ms since the epoch). */
  to?: number;
  /** Only runs whose engine label contains this text (case-insensitive). */
  engine?: string;
  /** Only runs whose final score is at least this (0…1); runs without a final score never match. */
  minScore?: number;
  /** Only runs whose final score is below this (0…1); runs without a final score never match. */
  maxScore?: number;
  /** Only runs with these statuses. */
  statuses?: readonly HistoryStatus[];
}

/** Whether a query narrows anything beyond a date range (so matching needs each run's content). */
export function queryNeedsContent(query: RunQuery): boolean {
  return Boolean(
    query.text?.trim() || query.engine?.trim() || query.minScore !== undefined || query.maxScore !== undefined || query.statuses?.length,
  );
}

/** Whether a query narrows anything at all. */
export function isEmptyQuery(query: RunQuery): boolean {
  return !queryNeedsContent(query) && query.from === undefined && query.to === undefined;
}

/**
 * A predicate for a query, prepared once (lower-cased needles) and applied to many runs.
 * `isLive` tells a run still going in some tab from an interrupted one.
 */
export function runMatcher(query: RunQuery, isLive: (id: string) => boolean = () => false): (run: Run) => boolean {
  const text = query.text?.trim().toLowerCase() ?? '';
  const engine = query.engine?.trim().toLowerCase() ?? '';
  const statuses = query.statuses?.length ? new Set(query.statuses) : null;
  return (run) => {
    if (query.from !== undefined && run.createdAt < query.from) return false;
    if (query.to !== undefined && run.createdAt >= query.to) return false;
    if (statuses && !statuses.has(historyStatus(run, isLive))) return false;
    if (engine && !run.engineLabel.toLowerCase().includes(engine)) return false;
    if (query.minScore !== undefined && !(run.final && run.final.score >= query.minScore)) return false;
    if (query.maxScore !== undefined && !(run.final && run.final.score < query.maxScore)) return false;
    if (text && !runContains(run, text)) return false;
    return true;
  };
}

/** The status History shows for a run. */
export function historyStatus(run: Run, isLive: (id: string) => boolean = () => false): HistoryStatus {
  return run.status === 'running' && !isLive(run.id) ? 'interrupted' : run.status;
}

/** Whether the lower-cased `needle` occurs in the run's question, conversation or any answer. */
function runContains(run: Run, needle: string): boolean {
  if (run.question.toLowerCase().includes(needle)) return true;
  if (run.final?.answer.toLowerCase().includes(needle)) return true;
  for (const round of run.rounds) if (round.answer.toLowerCase().includes(needle)) return true;
  for (const turn of run.context ?? []) if (turn.content.toLowerCase().includes(needle)) return true;
  return false;
}
