// The catalogs stay in step: Simplified Chinese has every English key (plural forms aside), uses the
// same {{variables}} and markup, and is actually translated; the locale switches and pluralises.

import { afterEach, describe, expect, it } from 'vitest';
import { languageFromBrowser } from './catalog';
import { locale, t } from './index.svelte';
import { en as enBundled, enOnDemand } from './locales/en';
import { zhHans } from './locales/zh-Hans';

/** Every string in a catalog by its dotted path ("ask:form.question"). */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const catalog = (resources: Record<string, object>): Map<string, string> =>
  new Map([...Object.entries(resources)].flatMap(([ns, tree]) => [...flatten(tree)].map(([k, v]) => [`${ns}:${k}`, v] as const)));

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** The names in {{name}} and {{name, format}}: a format may differ between languages, the name may not. */
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<\/?(strong|code|em|br)\b[^>]*>/g)].map((m) => m[0]).sort();

const en = { ...enBundled, eval: await enOnDemand.eval(), principles: await enOnDemand.principles(), rubrics: await enOnDemand.rubrics() };
const english = catalog(en);
const chinese = catalog(zhHans);

/** Entries that are the same in both languages on purpose: names, symbols, formats. */
const SAME_IN_BOTH = new Set([
  'common:brand',
  'common:dash',
  'settings:languageNames.en',
  'settings:languageNames.zh-Hans',
  'engine:gpu.gpu',
  'ask:load.bytes',
  'engine:gguf.bytes',
]);

describe('catalogs', () => {
  it('gives Simplified Chinese exactly the English keys, with plural forms reduced to _other', () => {
    const base = (key: string) => key.replace(PLURAL, '');
    const englishKeys = new Set([...english.keys()].map(base));
    const chineseKeys = new Set([...chinese.keys()].map(base));
    expect([...chineseKeys].filter((k) => !englishKeys.has(k))).toEqual([]);
    expect([...englishKeys].filter((k) => !chineseKeys.has(k))).toEqual([]);
    // Chinese has no grammatical number: only the _other form, and every English plural has one.
    expect([...chinese.keys()].filter((k) => PLURAL.test(k) && !k.endsWith('_other'))).toEqual([]);
    for (const key of english.keys()) if (key.endsWith('_one')) expect(english.has(key.replace(/_one$/, '_other')), key).toBe(true);
  });

  it('uses the same interpolation variables and markup in both languages', () => {
    for (const [key, zh] of chinese) {
      const source = english.get(key);
      expect(source, key).toBeDefined();
      expect(variables(zh), key).toEqual(variables(source ?? ''));
      expect(tags(zh), key).toEqual(tags(source ?? ''));
    }
  });

  it('translates every entry (each Chinese string has Chinese characters or punctuation, unless it is a name or format)', () => {
    const untranslated = [...chinese].filter(([key, zh]) => !SAME_IN_BOTH.has(key) && !/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(zh)).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe('languageFromBrowser', () => {
  it('takes the first language we speak, any Chinese as Simplified, English otherwise', () => {
    expect(languageFromBrowser(['zh-CN', 'en-US'])).toBe('zh-Hans');
    expect(languageFromBrowser(['zh-TW'])).toBe('zh-Hans');
    expect(languageFromBrowser(['zh'])).toBe('zh-Hans');
    expect(languageFromBrowser(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(languageFromBrowser(['de-DE'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });
});

describe('locale', () => {
  afterEach(async () => {
    await locale.use('en');
  });

  it('switches the text of t() and pluralises English only', async () => {
    expect(t('ask:title')).toBe('Ask');
    expect(t('ask:final.summary', { count: 1, which: 'the draft', reason: 'x' })).toBe('Best of 1 graded answer: the draft. The loop stopped because x.');
    expect(t('ask:final.summary', { count: 3, which: 'the draft', reason: 'x' })).toContain('Best of 3 graded answers');
    await locale.use('zh-Hans');
    expect(locale.language).toBe('zh-Hans');
    expect(t('ask:title')).toBe('提问');
    expect(t('ask:final.summary', { count: 1, which: '初稿', reason: '已达到目标分数' })).toBe(
      '从 1 个已评分的回答中选出最佳：初稿。循环结束原因：已达到目标分数。',
    );
  });

  it('lowercases a step label mid-sentence in English only', async () => {
    expect(t('ask:run.stopped', { step: t('common:step.rubric') })).toBe('Stopped during: writing the rubric. Completed steps are kept.');
    await locale.use('zh-Hans');
    expect(t('ask:run.stopped', { step: t('common:step.rubric') })).toBe('已在“制定评分标准”步骤停止。已完成的步骤均已保留。');
  });

  it('follows the browser for "auto" (English outside a browser)', async () => {
    await locale.use('zh-Hans');
    await locale.use('auto');
    expect(locale.language).toBe('en');
  });
});
