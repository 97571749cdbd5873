// The UI language is kept with the other settings: 'auto' until chosen, then what was chosen,
// and a stored value this version does not offer falls back to 'auto'.

import { describe, expect, it } from 'vitest';
import { openAppDb } from '../db/schema';
import { SettingsRepository } from '../db/settingsRepository';
import { SettingsState } from './settings.svelte';

let n = 0;

describe('SettingsState language', () => {
  it('starts on auto, and a saved language survives a reload', async () => {
    const db = await openAppDb(`settings-language-${n++}`);
    const first = new SettingsState(new SettingsRepository(db));
    await first.load();
    expect(first.language).toBe('auto');
    await first.saveLanguage('zh-Hans');
    expect(first.language).toBe('zh-Hans');
    const again = new SettingsState(new SettingsRepository(db));
    await again.load();
    expect(again.language).toBe('zh-Hans');
  });

  it('reads a language this version does not offer as auto', async () => {
    const db = await openAppDb(`settings-language-${n++}`);
    await db.put('settings', { key: 'language', value: 'tlh' as never });
    const state = new SettingsState(new SettingsRepository(db));
    await state.load();
    expect(state.language).toBe('auto');
  });
});
