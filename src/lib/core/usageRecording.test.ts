import { describe, expect, it } from 'vitest';
import { ScriptedEngine } from '../../../tests/support/scriptedEngine';
import type { ChatUsage } from './chat';
import { UsageRecordingEngine } from './usageRecording';

describe('UsageRecordingEngine', () => {
  it('forwards calls unchanged and reports each finished call’s usage', async () => {
    const inner = new ScriptedEngine('improves');
    const seen: ChatUsage[] = [];
    const engine = new UsageRecordingEngine(inner, (usage) => seen.push(usage));
    expect(engine.label).toBe(inner.label);
    expect(engine.contextWindow).toBe(inner.contextWindow);
    const result = await engine.chat([{ role: 'user', content: 'Hello?' }]);
    expect(inner.calls).toHaveLength(1);
    expect(seen).toEqual([result.usage]);
  });
});
