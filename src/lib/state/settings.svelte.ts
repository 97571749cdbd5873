// The user's settings as reactive state, loaded from and saved to IndexedDB.

import { sanitizeRunOptions } from '../core/runOptions';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from '../core/types';
import type { SettingsRepository } from '../db/settingsRepository';
import { DEFAULT_WEBLLM_SETTINGS, type EngineSettings } from '../engine/settings';

export class SettingsState {
  // New users start on the on-device engine; saved settings (any engine) are kept as they are.
  #engine = $state.raw<EngineSettings>(DEFAULT_WEBLLM_SETTINGS);
  #runOptions = $state.raw<RunOptions>(DEFAULT_RUN_OPTIONS);

  constructor(private readonly repo: SettingsRepository) {}

  async load(): Promise<void> {
    const engine = await this.repo.get('engine', DEFAULT_WEBLLM_SETTINGS);
    this.#engine = engine.kind === 'webllm' ? { ...DEFAULT_WEBLLM_SETTINGS, ...engine } : engine;
    this.#runOptions = sanitizeRunOptions(await this.repo.get('runOptions', DEFAULT_RUN_OPTIONS));
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
