// The shape every translation must have: English is the source of truth, and a translation is
// checked against it at compile time (`satisfies Translation<typeof en>`) so no key goes missing.

/** The languages the UI speaks. BCP 47 tags, as given to Intl and to `<html lang>`. */
export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the user chose in Settings: a language, or "follow the browser". */
export type LanguageChoice = Language | 'auto';

/** Plural forms that some languages need and others do not (Chinese has only `_other`). */
type OptionalPluralKey<K> = K extends `${string}_${'zero' | 'one' | 'two' | 'few' | 'many'}` ? K : never;

/**
 * A namespace translated from the English one: the same keys, any string values. Plural forms
 * other than `_other` are optional, because a language decides which ones it uses.
 */
export type Translation<T> = {
  [K in keyof T as K extends OptionalPluralKey<K> ? never : K]: T[K] extends string ? string : Translation<T[K]>;
} & {
  [K in keyof T as K extends OptionalPluralKey<K> ? K : never]?: string;
};

/**
 * The language to use for a browser whose preferred languages are `preferred` (navigator.languages):
 * the first one we speak. Any Chinese tag gets Simplified Chinese, the only Chinese we have.
 */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-Hans';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}
