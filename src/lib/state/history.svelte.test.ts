import { describe, expect, it } from 'vitest';
import { fakeRuns } from '../../../tests/support/fakeRuns';
import { RunsRepository } from '../db/runsRepository';
import { openAppDb } from '../db/schema';
import { HistoryState } from './history.svelte';

let n = 0;
async function stateWith(count: number) {
  const db = await openAppDb(`history-state-${Date.now()}-${n++}`);
  const repo = new RunsRepository(db);
  await repo.restore(fakeRuns(count));
  let pages = 0;
  const page = repo.page.bind(repo);
  repo.page = (request) => {
    pages++;
    return page(request);
  };
  return { history: new HistoryState(repo), pages: () => pages };
}

describe('HistoryState', () => {
  it('deletes with undo, and loads the next page after the first', async () => {
    const { history } = await stateWith(40);
    await history.refresh();
    await history.loadMore();
    expect(history.runs).toHaveLength(40);
    expect(history.hasMore).toBe(false);
    const [first, second] = history.runs;
    await history.delete([first!.id, second!.id]);
    expect(history.total).toBe(38);
    expect(history.deleted?.runs.map((r) => r.id)).toEqual([first!.id, second!.id]);
    await history.undoDelete();
    expect(history.total).toBe(40);
    expect(history.runs[0]).toEqual(first);
    expect(history.deleted).toBeNull();
  });
});
