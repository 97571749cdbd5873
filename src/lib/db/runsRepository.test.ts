import { describe, expect, it } from 'vitest';
import { fakeRuns } from '../../../tests/support/fakeRuns';
import { runMatcher } from '../core/history/runQuery';
import type { Run } from '../core/types';
import { RunsRepository, type RunsChange } from './runsRepository';
import { openAppDb } from './schema';

let n = 0;
async function repoWith(runs: Run[], changes: RunsChange[] = []) {
  const db = await openAppDb(`runs-repo-${Date.now()}-${n++}`);
  const repo = new RunsRepository(db, (c) => changes.push(c));
  const tx = db.transaction('runs', 'readwrite');
  await Promise.all([...runs.map((r) => tx.store.put(r)), tx.done]);
  return repo;
}

async function allPages(repo: RunsRepository, query = {}, limit = 7): Promise<Run[]> {
  const out: Run[] = [];
  let after = null;
  for (;;) {
    const page = await repo.page({ query, after, limit });
    out.push(...page.runs);
    if (!page.next) return out;
    after = page.next;
  }
}

describe('RunsRepository paging', () => {
  it('reaches every run, newest first, once each — runs in the same millisecond included', async () => {
    const runs = fakeRuns(60);
    // Ten runs share one millisecond, across page boundaries.
    for (let i = 20; i < 30; i++) runs[i] = { ...runs[i]!, createdAt: runs[20]!.createdAt };
    const repo = await repoWith(runs);
    const seen = await allPages(repo);
    expect(seen).toHaveLength(60);
    expect(new Set(seen.map((r) => r.id)).size).toBe(60);
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.createdAt).toBeGreaterThanOrEqual(seen[i]!.createdAt);
    expect(await repo.count()).toBe(60);
  });

  it('pages through a search and counts its matches, the same as filtering everything', async () => {
    const runs = fakeRuns(300);
    const repo = await repoWith(runs);
    const query = { text: 'WARFARIN', statuses: ['done' as const] };
    const expected = runs.filter(runMatcher(query)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(10);
    expect((await allPages(repo, query, 9)).map((r) => r.id)).toEqual(expected);
    expect(await repo.countMatching(query)).toBe(expected.length);
  });

  it('filters by date through the index, by engine, score and status (interrupted told from live)', async () => {
    const runs = fakeRuns(100);
    const repo = await repoWith(runs);
    const from = runs[40]!.createdAt;
    const to = runs[10]!.createdAt;
    const byDate = await allPages(repo, { from, to });
    expect(byDate.map((r) => r.id)).toEqual(runs.slice(11, 41).map((r) => r.id));
    expect(await repo.countMatching({ from, to })).toBe(30);

    const engine = await allPages(repo, { engine: 'gguf', minScore: 0.5 });
    expect(engine.length).toBeGreaterThan(0);
    expect(engine.every((r) => r.engineLabel.includes('gguf') && r.final!.score >= 0.5)).toBe(true);

    const running = runs.filter((r) => r.status === 'running');
    const live = new Set([running[0]!.id]);
    const interrupted = await repo.page({ query: { statuses: ['interrupted'] }, limit: 500, isLive: (id) => live.has(id) });
    expect(interrupted.runs.map((r) => r.id)).toEqual(running.slice(1).map((r) => r.id));
  });

  it('finds text in answers, not only in questions', async () => {
    const runs = fakeRuns(5);
    runs[3] = { ...runs[3]!, rounds: [{ ...runs[3]!.rounds[0]!, answer: 'Take it with food: metoclopramide.' }] };
    const repo = await repoWith(runs);
    expect((await repo.page({ query: { text: 'Metoclopramide' } })).runs.map((r) => r.id)).toEqual([runs[3]!.id]);
  });
});

describe('RunsRepository writes', () => {
  it('deletes several runs at once and restores them exactly (undo), telling listeners each time', async () => {
    const runs = fakeRuns(10);
    const changes: RunsChange[] = [];
    const repo = await repoWith(runs, changes);
    await repo.deleteMany([runs[1]!.id, runs[2]!.id]);
    expect(await repo.count()).toBe(8);
    await repo.restore([runs[1]!, runs[2]!]);
    expect(await repo.get(runs[2]!.id)).toEqual(runs[2]);
    expect(changes).toEqual([
      { type: 'deleted', ids: [runs[1]!.id, runs[2]!.id] },
      { type: 'added', ids: [runs[1]!.id, runs[2]!.id] },
    ]);
  });

  it('adds only runs whose id is not stored, leaving stored ones untouched', async () => {
    const runs = fakeRuns(4);
    const repo = await repoWith(runs.slice(0, 2));
    const changed = { ...runs[0]!, question: 'changed' };
    expect(await repo.addNew([changed, runs[2]!, runs[3]!])).toEqual([runs[2]!.id, runs[3]!.id]);
    expect((await repo.get(runs[0]!.id))?.question).toBe(runs[0]!.question);
  });
});
