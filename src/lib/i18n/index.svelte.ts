// The UI's language: the i18next instance, the reactive current language, and a typed `t()`.
// Components call `t('ns:key', vars)`; reading it inside markup re-renders on a language change.
//
// HOW TO ADD STRINGS
// - To an existing area: add the key to `locales/en/<namespace>.ts` (English is the source of the
//   types) and the same key to `locales/zh-Hans/<namespace>.ts`; svelte-check fails until both have
//   it, and `catalog.test.ts` checks that the two use the same {{variables}}. Then `t('ns:key')`.
// - For a new page or area: create `locales/en/<area>.ts` (`export default { … } as const`) and
//   `locales/zh-Hans/<area>.ts` (`export default { … } satisfies Translation<typeof en>`), and add
//   one line for it to each of `locales/en/index.ts` and `locales/zh-Hans/index.ts`. One file per
//   namespace per language, so engineers working on different areas never edit the same file.
// - Plurals: `key_one` / `key_other` in English, called with `{ count }`; Chinese needs only `_other`.
// - Numbers, dates, sizes, percentages, durations: the helpers in `components/format.ts` (Intl, in
//   the current language) — never `toLocaleString()` without a locale, never hand-built "1,234".
// - Error text: `errors.ts` in this folder maps error classes (by code) to UI text; add a key to the
//   `errors` namespace for a new error class.

import { createInstance, type TFunction } from 'i18next';
import { LANGUAGES, languageFromBrowser, type Language, type LanguageChoice } from './catalog';
import { en, enOnDemand, type Resources } from './locales/en';

export { LANGUAGES, type Language, type LanguageChoice } from './catalog';

const i18n = createInstance();
// Synchronous: English is bundled, so the first render already has its text.
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en },
  ns: [...Object.keys(en), ...Object.keys(enOnDemand)],
  defaultNS: 'common',
  // Svelte escapes text itself; escaping here would show "&amp;" on screen.
  interpolation: { escapeValue: false },
  initAsync: false,
});
// "{{step, lowercase}}": a label used mid-sentence in languages with capitals ("Stopped during: writing the rubric").
i18n.services.formatter?.add('lowercase', (value: unknown, lng?: string) => String(value).toLocaleLowerCase(lng));

/** Chinese is fetched only for people who use it, to keep the first visit small. */
async function loadCatalog(language: Language): Promise<Record<string, object> | null> {
  if (language === 'zh-Hans') return (await import('./locales/zh-Hans')).zhHans;
  return null;
}

/** The browser's preferred languages (none outside a browser, e.g. in unit tests and the CLI). */
function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/** The current UI language as reactive state; one instance for the whole app. */
export class Locale {
  #language = $state<Language>('en');
  #loaded = new Set<Language>(['en']);

  /** The language in use, as a BCP 47 tag for Intl and `<html lang>`. */
  get language(): Language {
    // Reading the state here makes every caller (t, the formatters) depend on the language.
    return this.#language;
  }

  /** The language a browser would get before the user chooses one. */
  get browserLanguage(): Language {
    return languageFromBrowser(browserLanguages());
  }

  /**
   * Switches to `choice` ('auto' = the browser's language), fetching its catalog first if needed.
   * The switch happens only once the text is there, so the page never shows raw keys.
   */
  async use(choice: LanguageChoice): Promise<void> {
    const language = choice === 'auto' ? this.browserLanguage : choice;
    if (!this.#loaded.has(language)) {
      const resources = await loadCatalog(language);
      if (resources) {
        for (const [ns, bundle] of Object.entries(resources)) i18n.addResourceBundle(language, ns, bundle, true, true);
      }
      this.#loaded.add(language);
    }
    await i18n.changeLanguage(language);
    this.#language = language;
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }

  /** The typed translate function: keys are `'namespace:key.path'`, checked against the English catalog. */
  readonly t = ((...args: Parameters<TFunction>) => {
    void this.#language;
    return (i18n.t as (...a: Parameters<TFunction>) => string)(...args);
  }) as TFunction<Array<keyof Resources>>;

  /** Translates in a given language without switching (e.g. to compare catalogs in tests). */
  fixedT(language: Language): TFunction<Array<keyof Resources>> {
    return i18n.getFixedT(language) as TFunction<Array<keyof Resources>>;
  }
}

let pageCatalogs: Promise<void> | null = null;

/**
 * Loads the English namespaces kept out of the first visit (other languages load whole, on demand).
 * Pages that use them await this with their own code, so their text is there on first render.
 */
export function loadPageCatalogs(): Promise<void> {
  pageCatalogs ??= Promise.all(
    Object.entries(enOnDemand).map(async ([ns, load]) => i18n.addResourceBundle('en', ns, await load(), true, true)),
  ).then(
    () => undefined,
    (err: unknown) => {
      pageCatalogs = null; // let a later page load try again
      throw err;
    },
  );
  return pageCatalogs;
}

/** The app's one locale. */
export const locale = new Locale();

/** Translate: `t('ask:title')`, `t('history:runs', { count })`. Re-renders on a language change. */
export const t = locale.t;
