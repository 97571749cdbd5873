// A run as something to take away: Markdown for a note or an email, JSON for a record or a tool.
// The Markdown carries what a reader needs (question, earlier turns, final answer, the self-check in
// words, where it was answered, the decision-aid notice) and leaves the trace to the JSON.

import type { Run } from '../../core/types';
import { selfCheck } from './selfCheck';

/** The words the Markdown uses, from the catalog in the current language. */
export interface RunExportLabels {
  question: string;
  earlier: string;
  user: string;
  assistant: string;
  answer: string;
  /** The self-check in words, e.g. "Self-check: 7 of 9 rubric items met · no harmful item present". */
  selfCheck: string;
  /** "Answered by … on …". */
  answeredBy: string;
  notice: string;
}

/** The answer the run settled on, or null when it has none yet. */
export function runAnswer(run: Run): string | null {
  return run.final?.answer ?? null;
}

/** The grades of the final answer's round (for the self-check line). */
export function finalGrades(run: Run) {
  return run.rounds.find((r) => r.index === run.final?.round)?.grades ?? [];
}

/** Counts for the self-check line of the final answer. */
export function finalSelfCheck(run: Run) {
  return selfCheck(run.rubric, finalGrades(run));
}

/** The run as a Markdown document. */
export function runMarkdown(run: Run, labels: RunExportLabels): string {
  const parts: string[] = [];
  const earlier = (run.context ?? []).filter((t) => t.role !== 'system');
  if (earlier.length) {
    parts.push(`## ${labels.earlier}`);
    for (const turn of earlier) parts.push(`**${turn.role === 'user' ? labels.user : labels.assistant}:**\n\n${turn.content.trim()}`);
  }
  parts.push(`## ${labels.question}`, run.question.trim());
  const answer = runAnswer(run);
  if (answer !== null) parts.push(`## ${labels.answer}`, answer.trim(), `*${labels.selfCheck}*`);
  parts.push(`---`, labels.answeredBy, `> ${labels.notice}`);
  return `${parts.join('\n\n')}\n`;
}

/** The run as pretty-printed JSON (the same record History exports, one run). */
export function runJson(run: Run): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}

/** A file name for the run's exports: its id, safe on every file system. */
export function runFileStem(run: Run): string {
  return `clinrevise-run-${run.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
