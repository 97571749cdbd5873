// Display formatting shared by components: scores, dates, scenario labels.

import type { Scenario } from '../core/types';

/** A HealthBench score as a percentage ("62%"); negative scores keep their sign. */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  return `${Math.round(score * 100)}%`;
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "missing_context" → "missing context". */
export function humanise(value: string): string {
  return value.replace(/_/g, ' ');
}

export const DIMENSION_LABELS: Record<keyof Scenario, string> = {
  urgency: 'Urgency',
  uncertainty: 'Uncertainty',
  expertise: 'Expertise',
  task_type: 'Task',
};

/** "task_type" → "Task type": a dimension's name as a heading. */
export function dimensionLabel(dimension: keyof Scenario): string {
  const words = humanise(dimension);
  return words.charAt(0).toUpperCase() + words.slice(1);
}


/** Large counts the way model sizes are quoted: "419 K", "4.02 B". */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} K`;
  return String(n);
}
