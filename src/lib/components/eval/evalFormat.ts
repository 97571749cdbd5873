// Small formatters shared by the evaluation components.

import type { Aggregate } from '../../core/eval/score';

/** 0.4213 → "42.1%" */
export const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** "42.1% ± 3.0" (the spread in percentage points). */
export const aggregateText = (a: Aggregate): string => `${percent(a.score)} ± ${(a.bootstrap_std * 100).toFixed(1)}`;

/** A signed difference in percentage points: "+12.3 pts". */
export const points = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pts`;

/** Seconds as "45 s", "12 min", "2 h 5 min". */
export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "theme:emergency_referrals" → "emergency referrals" */
export const tagLabel = (tag: string): string => tag.slice(tag.indexOf(':') + 1).replace(/_/g, ' ');

/** One row of a score chart: a tag with each mode's aggregate (absent when the mode did not run). */
export interface ChartRow {
  tag: string;
  plain?: Aggregate;
  revised?: Aggregate;
}
