// Typed access to the settings store: one record per key, read with a fallback default.

import type { AppDb, SettingRecord, SettingsMap } from './schema';

export class SettingsRepository {
  constructor(private readonly db: AppDb) {}

  /** The stored value for `key`, or `fallback` when nothing is stored yet. */
  async get<K extends keyof SettingsMap>(key: K, fallback: SettingsMap[K]): Promise<SettingsMap[K]> {
    const record = await this.db.get('settings', key);
    return record ? (record.value as SettingsMap[K]) : fallback;
  }

  /** The stored value for `key`, or undefined when none is stored. */
  async find<K extends keyof SettingsMap>(key: K): Promise<SettingsMap[K] | undefined> {
    const record = await this.db.get('settings', key);
    return record ? (record.value as SettingsMap[K]) : undefined;
  }

  async set<K extends keyof SettingsMap>(key: K, value: SettingsMap[K]): Promise<void> {
    await this.db.put('settings', { key, value } as SettingRecord);
  }

  async delete(key: keyof SettingsMap): Promise<void> {
    await this.db.delete('settings', key);
  }
}
