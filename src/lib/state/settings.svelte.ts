// The user's settings as reactive state, loaded from and saved to IndexedDB.

import { sanitizeRunOptions } from '../core/runOptions';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../core/types';
import type { SettingsRepository } from '../db/settingsRepository';
import { LANGUAGES, type LanguageChoice } from '../i18n/catalog';
import type { EngineSettings } from '../engine';
import { DEFAULT_WEBLLM_SETTINGS } from '../engine/webllm';

export class SettingsState {
  // New users start on the on-device engine; saved settings (any engine) are kept as they are.
  #engine = $state.raw<EngineSettings>(DEFAULT_WEBLLM_SETTINGS);
  #runOptions = $state.raw<RunOptions>(DEFAULT_RUN_OPTIONS);
  /** The UI language; 'auto' follows the browser. */
  #language = $state<LanguageChoice>('auto');

  constructor(private readonly repo: SettingsRepository) {}

  async load(): Promise<void> {
    const engine = await this.repo.get('engine', DEFAULT_WEBLLM_SETTINGS);
    this.#engine = engine.kind === 'webllm' ? { ...DEFAULT_WEBLLM_SETTINGS, ...engine } : engine;
    this.#runOptions = sanitizeRunOptions(await this.repo.get('runOptions', DEFAULT_RUN_OPTIONS));
    const language = await this.repo.get('language', 'auto');
    // A language this version no longer offers falls back to following the browser.
    this.#language = language === 'auto' || (LANGUAGES as readonly string[]).includes(language) ? language : 'auto';
  }

  get language(): LanguageChoice {
    return this.#language;
  }

  /** Stores the UI language; the caller switches the locale (see i18n/index.svelte.ts). */
  async saveLanguage(language: LanguageChoice): Promise<void> {
    await this.repo.set('language', language);
    this.#language = language;
  }

  get engine(): EngineSettings {
    return this.#engine;
  }

  get runOptions(): RunOptions {
    return this.#runOptions;
  }

  async saveEngine(settings: EngineSettings): Promise<void> {
    await this.repo.set('engine', settings);
    this.#engine = settings;
  }

  async saveRunOptions(options: RunOptions): Promise<void> {
    await this.repo.set('runOptions', options);
    this.#runOptions = options;
  }
}
