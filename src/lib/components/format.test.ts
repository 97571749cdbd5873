// Numbers, sizes, durations, dates and labels in the UI's language (Intl), and the same size rule
// as core/units.ts, so a size reads the same on every screen.

import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../core/units';
import { locale } from '../i18n/index.svelte';
import {
  axisLabel,
  dimensionLabel,
  formatCount,
  formatDate,
  formatDuration,
  formatNumber,
  formatPercent,
  formatRate,
  formatScore,
  formatSize,
  humanise,
  scenarioValueLabel,
} from './format';

afterEach(async () => {
  await locale.use('en');
});

describe('format in English', () => {
  it('groups digits and formats percentages and scores', () => {
    expect(formatNumber(35513)).toBe('35,513');
    expect(formatPercent(0.62)).toBe('62%');
    expect(formatScore(-0.25)).toBe('-25%');
    expect(formatScore(null)).toBe('—');
    expect(formatRate(1727000)).toBe('1,727,000');
    expect(formatRate(12.34)).toBe('12.3');
  });

  it('writes sizes by the rule of core/units.ts', () => {
    for (const bytes of [0, 999, 950e3, 1.7e6, 640e6, 2.3e9, 4.29e9, 17.21e9, 1_234_567]) {
      expect(formatSize(bytes), String(bytes)).toBe(formatBytes(bytes));
    }
  });

  it('writes durations in seconds, then minutes from 90 s', () => {
    expect(formatDuration(45)).toBe('45 sec');
    expect(formatDuration(89)).toBe('89 sec');
    expect(formatDuration(300)).toBe('5 min');
  });

  it('writes model sizes compactly and labels scenario words', () => {
    expect(formatCount(419_000)).toBe('419K');
    expect(formatCount(419_500)).toBe('420K');
    expect(formatCount(7_640_000)).toBe('7.6M');
    expect(formatCount(4_020_000_000)).toBe('4.02B');
    expect(dimensionLabel('task_type')).toBe('Task type');
    expect(scenarioValueLabel('missing_context')).toBe('missing context');
    expect(scenarioValueLabel('a_value_from_elsewhere')).toBe('a value from elsewhere');
    expect(axisLabel('communication_quality')).toBe('communication quality');
    expect(humanise('not_applicable')).toBe('not applicable');
    expect(formatDate(Date.UTC(2026, 11, 1, 12, 0))).toMatch(/^Dec 1, 2026/);
  });
});

describe('format in Simplified Chinese', () => {
  it('uses Chinese units, dates and labels', async () => {
    await locale.use('zh-Hans');
    expect(formatNumber(35513)).toBe('35,513');
    expect(formatDuration(300)).toBe('5分钟');
    expect(formatDuration(45)).toBe('45秒');
    expect(formatCount(4_020_000_000)).toBe('40.2亿');
    expect(formatDate(Date.UTC(2026, 11, 1, 12, 0))).toMatch(/^2026年12月1日/);
    expect(dimensionLabel('urgency')).toBe('紧急程度');
    expect(scenarioValueLabel('emergent')).toBe('危急');
    expect(axisLabel('accuracy')).toBe('准确性');
    // An unknown value (a category the user typed) is shown as written.
    expect(scenarioValueLabel('my_own')).toBe('my own');
  });
});
