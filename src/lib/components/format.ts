// Display formatting shared by components: scores, numbers, sizes, durations, dates and scenario
// labels, all in the UI's current language (Intl). Called from markup, so they re-render on a switch.

import type { Axis, Dimension, Scenario } from '../core/types';
import { locale, t } from '../i18n/index.svelte';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat for the current language (formatters are costly to build). */
function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale.language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale.language, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number with the language's grouping: 35513 → "35,513". */
export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(options).format(n);
}

/** A fraction as a whole percentage: 0.62 → "62%". */
export function formatPercent(fraction: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A HealthBench score as a percentage ("62%"); negative scores keep their sign. */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  return formatPercent(score);
}

/**
 * A byte count in decimal units, as downloads and disks are quoted: GB to two decimals, MB to one,
 * kB whole, trailing zeros dropped ("950 kB", "1.7 MB", "2.3 GB") — the rule of core/units.ts.
 */
export function formatSize(bytes: number): string {
  const [value, unit, decimals] =
    bytes >= 1e9 ? [bytes / 1e9, 'gigabyte', 2] : bytes >= 1e6 ? [bytes / 1e6, 'megabyte', 1] : [bytes / 1e3, 'kilobyte', 0];
  return numberFormat({ style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: decimals }).format(Math.max(0, value));
}

/** A duration for "about … left": minutes from 90 s up, else seconds ("3 min", "45 sec"; "3分钟"). */
export function formatDuration(seconds: number): string {
  return seconds >= 90
    ? numberFormat({ style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(Math.round(seconds / 60))
    : numberFormat({ style: 'unit', unit: 'second', unitDisplay: 'short' }).format(Math.round(seconds));
}

/** A tokens-per-second rate, to one decimal below 100. */
export function formatRate(perSecond: number): string {
  return formatNumber(perSecond, { maximumFractionDigits: perSecond >= 100 ? 0 : 1 });
}

/** A moment as date and time ("Dec 1, 2026, 9:51 PM"; "2026年12月1日 21:51"). */
export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(locale.language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "missing_context" → "missing context": for values no catalog knows (user-written categories). */
export function humanise(value: string): string {
  return value.replace(/_/g, ' ');
}

/** A scenario dimension's name as a heading: "task_type" → "Task type". */
export function dimensionLabel(dimension: Dimension | keyof Scenario): string {
  return t(`common:dimension.${dimension}`);
}

/** A scenario value in words: "missing_context" → "missing context". */
export function scenarioValueLabel(value: string): string {
  return t(`common:scenario.${value}` as 'common:scenario.other', { defaultValue: humanise(value) });
}

/** A rubric axis in words: "communication_quality" → "communication quality". */
export function axisLabel(axis: Axis | string): string {
  return t(`common:axis.${axis}` as 'common:axis.accuracy', { defaultValue: humanise(axis) });
}

/** Large counts the way model sizes are quoted: "419K", "4.02B" (in Chinese "4.02亿"). */
export function formatCount(n: number): string {
  return numberFormat({ notation: 'compact', maximumFractionDigits: n >= 1e9 ? 2 : n >= 1e6 ? 1 : 0 }).format(n);
}
