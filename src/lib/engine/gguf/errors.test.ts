// Every error the GGUF engine can raise reads in both languages: English from the class, Simplified
// Chinese from the errors catalog by code, with its fields filled in (names, sizes, hashes, URLs).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinReviseError, describeError } from '../../core/errors';
import { errorText } from '../../i18n/errors';
import { locale } from '../../i18n/index.svelte';
import en from '../../i18n/locales/en/errors';
import zhHans from '../../i18n/locales/zh-Hans/errors';
import * as errors from './errors';
import { contextOverflow } from './wireErrors';

/** One instance of every exported error class, with fields a test can find in the text. */
const SAMPLES: ClinReviseError[] = [
  new errors.NotGgufError('page.gguf'),
  new errors.GgufTruncatedError('cut.gguf', 2_000_000, 1_000_000),
  new errors.GgufCorruptError('broken.gguf', 'llama.cpp: missing tensor'),
  new errors.GgufUnsupportedError('odd.gguf', 'architecture “llamx” is not known'),
  new errors.GgufTooLargeError('huge.gguf', 17e9, 4 * 2 ** 30),
  new errors.GgufMissingPartsError('part 2 is missing.'),
  new errors.GgufStorageError('quota'),
  new errors.GgufStoredModelMissingError('gone.gguf'),
  new errors.GgufDownloadError('http://127.0.0.1:9/m.gguf', 'HTTP 404'),
  new errors.GgufEngineFailedError('wasm trap'),
  new errors.GgufBrowserUnsupportedError('no JSPI'),
  new errors.GgufInsufficientStorageError('Granite', 2.1e9, 5e8),
  new errors.GgufIntegrityError('moe.gguf', 'a'.repeat(64), 'b'.repeat(64), 'catalog'),
  new errors.GgufIntegrityError('moe.gguf', 'a'.repeat(64), 'b'.repeat(64), 'first_download'),
  new errors.GgufResumeError('http://127.0.0.1:9/m.gguf', 'HTTP 416'),
  contextOverflow(5000, 4096),
];

const CJK = /[\u4e00-\u9fff]/;

describe('GGUF errors in both languages', () => {
  it('covers every error class the module exports', () => {
    const classes = Object.values(errors) as unknown as (new (...args: never[]) => ClinReviseError)[];
    for (const cls of classes) expect(SAMPLES.some((e) => e instanceof cls), cls.name).toBe(true);
  });

  it('has an English and a Chinese catalog entry for every code', () => {
    for (const err of SAMPLES) {
      expect(en, err.code).toHaveProperty(err.code);
      expect(zhHans, err.code).toHaveProperty(err.code);
    }
  });

  describe('in Simplified Chinese', () => {
    beforeAll(async () => {
      await locale.use('zh-Hans');
    });
    afterAll(async () => {
      await locale.use('en');
    });

    it('translates each one, filling every field (no English fallback, no {{placeholders}} left)', () => {
      for (const err of SAMPLES) {
        const zh = errorText(err);
        expect(zh, err.code).not.toBe(describeError(err));
        expect(zh, err.code).toMatch(CJK);
        expect(zh, err.code).not.toMatch(/\{\{|\}\}/);
      }
      expect(errorText(SAMPLES[11]!)).toContain('2.1 GB');
      expect(errorText(SAMPLES[11]!)).toContain('500 MB');
      expect(errorText(SAMPLES[12]!)).toContain('模型目录要求的是 ' + 'a'.repeat(64));
      expect(errorText(SAMPLES[13]!)).toContain('此浏览器首次下载时记录的是');
      expect(errorText(SAMPLES[14]!)).toContain('无法从 http://127.0.0.1:9/m.gguf 继续下载（HTTP 416）');
    });
  });

  it('a context too small for the run points to the context setting, not only to another model', () => {
    expect(describeError(contextOverflow(5000, 4096))).toContain('raise its context in Settings (GGUF: Context size');
  });
});
