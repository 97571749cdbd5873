// The user's settings as reactive state, loaded from and saved to IndexedDB.

import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../core/types';
import type { SettingsRepository } from '../db/settingsRepository';
import { DEFAULT_OPENAI_SETTINGS, type EngineSettings } from '../engine/settings';

export class SettingsState {
  #engine = $state.raw<EngineSettings>(DEFAULT_OPENAI_SETTINGS);
  #runOptions = $state.raw<RunOptions>(DEFAULT_RUN_OPTIONS);

  constructor(private readonly repo: SettingsRepository) {}

  async load(): Promise<void> {
    this.#engine = await this.repo.get('engine', DEFAULT_OPENAI_SETTINGS);
    this.#runOptions = { ...DEFAULT_RUN_OPTIONS, ...(await this.repo.get('runOptions', DEFAULT_RUN_OPTIONS)) };
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
