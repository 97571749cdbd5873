import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRun } from '../core/pipeline/fold';
import { DEFAULT_RUN_OPTIONS, type Run, type RunStatus } from '../core/types';
import { RunsRepository } from '../db/runsRepository';
import { openAppDb } from '../db/schema';
import { HistoryState } from './history.svelte';
import { RUN_LOCK_PREFIX } from './runSession.svelte';

let n = 0;
const run = (id: string, status: RunStatus): Run => ({ ...createRun({ id, question: 'q?', options: DEFAULT_RUN_OPTIONS, engineLabel: 'e', now: 1 }), status });

afterEach(() => vi.unstubAllGlobals());

describe('HistoryState', () => {
  it('reads one run through the repository, and undefined for one that is gone', async () => {
    const runs = new RunsRepository(await openAppDb(`history-${n++}`));
    await runs.save(run('r1', 'done'));
    const history = new HistoryState(runs);
    expect((await history.get('r1'))?.id).toBe('r1');
    expect(await history.get('missing')).toBeUndefined();
  });

  it('offers Resume for unfinished runs, but not for one still running in a live tab', async () => {
    vi.stubGlobal('navigator', { locks: { query: async () => ({ held: [{ name: `${RUN_LOCK_PREFIX}live` }] }) } });
    const runs = new RunsRepository(await openAppDb(`history-${n++}`));
    const history = new HistoryState(runs);
    await history.refresh();
    expect(history.canResume(run('a', 'done'))).toBe(false);
    expect(history.canResume(run('b', 'failed'))).toBe(true);
    expect(history.canResume(run('c', 'stopped'))).toBe(true);
    expect(history.canResume(run('live', 'running'))).toBe(false);
    expect(history.canResume(run('orphan', 'running'))).toBe(true);
  });
});
