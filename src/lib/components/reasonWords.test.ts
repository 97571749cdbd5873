// Every reason code the engine and the model check return, worded through the catalogs in both
// languages: no missing key or unfilled variable, English worded as before (and as the CLI prints).

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { modelCheckReasonText, type ModelCheckReason } from '../core/eval/modelCheck';
import type { CatalogReason } from '../engine/gguf';
import type { FitNote, FitReason } from '../engine/webllm';
import { loadPageCatalogs, locale } from '../i18n/index.svelte';
import { catalogReasonWords, fitNoteWords, fitNotesWords, fitReasonWords, fitVerdictWords } from './engineReasons';
import { modelCheckReasonWords } from './eval/modelCheckReason';

// Records keyed by code, so a new code fails to compile until it is listed here.
const FIT_REASONS: { [C in FitReason['code']]: Extract<FitReason, { code: C }> } = {
  no_webgpu: { code: 'no_webgpu' },
  no_adapter: { code: 'no_adapter' },
  needs_shader_f16: { code: 'needs_shader_f16' },
  buffer_too_small: { code: 'buffer_too_small', neededBytes: 300e6, allowedBytes: 134217728 },
  memory_over_device: { code: 'memory_over_device', neededBytes: 6.9e9, deviceMemoryGB: 8 },
  memory_unreported: { code: 'memory_unreported', neededBytes: 6.9e9 },
  memory_need_unknown: { code: 'memory_need_unknown' },
};
const FIT_NOTES: { [C in FitNote['code']]: Extract<FitNote, { code: C }> } = { software_adapter: { code: 'software_adapter' } };
const CATALOG_REASONS: { [C in CatalogReason['code']]: Extract<CatalogReason, { code: C }> } = {
  chosen_mixture: { code: 'chosen_mixture', name: 'Granite 3.1 3B-A800M', totalParameters: 3.3e9, activeParameters: 0.8e9, runsOn: 'cpu', threads: 7 },
  chosen_dense: { code: 'chosen_dense', name: 'Qwen3 1.7B', totalParameters: 1.7e9, runsOn: 'webgpu', threads: 7 },
  lightest_slow: { code: 'lightest_slow', name: 'Qwen3 0.6B', runsOn: 'cpu', threads: 1 },
  none_fits: { code: 'none_fits' },
};
const CHECK_REASONS: { [C in ModelCheckReason['code']]: Extract<ModelCheckReason, { code: C }> } = {
  grading_too_low: { code: 'grading_too_low', macroF1: 0.6, needed: 0.65, suitable: 0.8 },
  grades_unusable: { code: 'grades_unusable', usable: 0.5, needed: 0.8 },
  grading_moderate: { code: 'grading_moderate', macroF1: 0.7, suitable: 0.8 },
  grade_some_unusable: { code: 'grade_some_unusable', usable: 0.9, suitable: 0.95 },
  classify_unusable: { code: 'classify_unusable', usable: 0.333 },
  rubric_unusable: { code: 'rubric_unusable', usable: 0 },
  suitable: { code: 'suitable' },
};

/** Every reason worded in the current language, by code. */
const allWords = (): Map<string, string> =>
  new Map([
    ...Object.values(FIT_REASONS).map((r) => [`fit.${r.code}`, fitReasonWords(r)] as const),
    ...Object.values(FIT_NOTES).map((n) => [`note.${n.code}`, fitNoteWords(n)] as const),
    ...Object.values(CATALOG_REASONS).map((r) => [`catalog.${r.code}`, catalogReasonWords(r)] as const),
    ...Object.values(CHECK_REASONS).map((r) => [`check.${r.code}`, modelCheckReasonWords(r)] as const),
  ]);

/** A missing key comes back as its path ("fit.reason.x"); a missing variable as "{{x}}". */
function expectWorded(words: Map<string, string>) {
  for (const [code, text] of words) {
    expect(text, code).not.toMatch(/\{\{|\}\}|\b(fit|catalog|check)\.(reason|note|why)\b|undefined|NaN/);
    expect(text.length, code).toBeGreaterThan(3);
  }
}

describe('reason codes through the catalogs', () => {
  beforeAll(async () => {
    await loadPageCatalogs(); // the `eval` namespace, as Settings and Evaluate load it
  });
  afterEach(async () => {
    await locale.use('en');
  });

  it('words every code in English as the engine and the CLI did', async () => {
    await locale.use('en');
    const en = allWords();
    expectWorded(en);
    expect(en.get('fit.needs_shader_f16')).toBe('needs shader-f16, which this GPU does not offer');
    expect(en.get('fit.buffer_too_small')).toBe('needs a 300 MB GPU buffer; this GPU allows 134.2 MB');
    expect(en.get('fit.memory_over_device')).toBe('needs about 6.9 GB of GPU memory; this device reports 8 GB in all');
    expect(en.get('note.software_adapter')).toBe('software adapter: it would run on the CPU, very slowly');
    expect(en.get('catalog.chosen_mixture')).toBe('Granite 3.1 3B-A800M is a mixture of experts: 3.3B parameters, 800M at work per token, and it fits this device on 7 CPU threads');
    expect(en.get('catalog.chosen_dense')).toBe('Qwen3 1.7B is 1.7B parameters, and it fits this device on the GPU (WebGPU)');
    expect(en.get('catalog.lightest_slow')).toBe('Qwen3 0.6B is the lightest model that fits, but replies will be slow on 1 CPU thread');
    expect(en.get('catalog.none_fits')).toMatch(/^no model in the catalog fits/);
    // The UI's English is the CLI's English, code for code.
    for (const reason of Object.values(CHECK_REASONS)) expect(modelCheckReasonWords(reason), reason.code).toBe(modelCheckReasonText(reason));
    const fit = { verdict: 'cannot', reasons: [FIT_REASONS.needs_shader_f16, FIT_REASONS.buffer_too_small], notes: [FIT_NOTES.software_adapter] } as const;
    expect(fitVerdictWords({ ...fit, reasons: [...fit.reasons], notes: [...fit.notes] })).toBe(
      'cannot run here: needs shader-f16, which this GPU does not offer; needs a 300 MB GPU buffer; this GPU allows 134.2 MB',
    );
    expect(fitNotesWords({ verdict: 'runs', reasons: [], notes: [FIT_NOTES.software_adapter] })).toBe('(software adapter: it would run on the CPU, very slowly)');
  });

  it('words every code in Simplified Chinese, differently from English', async () => {
    await locale.use('en');
    const en = allWords();
    await locale.use('zh-Hans');
    const zh = allWords();
    expectWorded(zh);
    for (const [code, text] of zh) {
      expect(text, code).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
      expect(text, code).not.toBe(en.get(code));
    }
    expect(zh.get('catalog.lightest_slow')).toContain('1 个 CPU 线程');
    expect(zh.get('check.grading_too_low')).toContain('0.60');
    expect(fitVerdictWords({ verdict: 'cannot', reasons: [FIT_REASONS.no_adapter], notes: [] })).toBe('无法在本设备运行：WebGPU 未找到可用的 GPU');
  });
});
