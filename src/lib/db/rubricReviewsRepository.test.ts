import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { verifiedReview } from '../../../tests/support/rubricFixtures';
import { RubricReviewsRepository } from './rubricReviewsRepository';
import { DB_VERSION, openAppDb } from './schema';

let counter = 0;
const freshRepo = async () => new RubricReviewsRepository(await openAppDb(`rubrics-${Date.now()}-${counter++}`));

describe('schema version 3', () => {
  it('upgrades a version-1 database, keeping its runs, and adds the review stores', async () => {
    const name = `rubrics-upgrade-${counter++}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('principles', { keyPath: 'id' }).createIndex('by-dimension', 'dimension');
        db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
        db.createObjectStore('settings', { keyPath: 'key' });
      },
    });
    await v1.put('runs', { id: 'old', createdAt: 1 });
    v1.close();
    const db = await openAppDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['rubricReviews', 'candidateDecisions', 'runs']));
    expect(await db.get('runs', 'old')).toMatchObject({ id: 'old' });
    db.close();
  });
});

describe('RubricReviewsRepository', () => {
  it('saves, lists newest first, finds by run, deletes', async () => {
    const repo = await freshRepo();
    await repo.save({ ...verifiedReview('a'), updatedAt: 5 });
    await repo.save({ ...verifiedReview('b'), updatedAt: 9 });
    expect((await repo.list()).map((r) => r.id)).toEqual(['b', 'a']);
    expect((await repo.getByRun('run-a'))?.id).toBe('a');
    await repo.delete('a');
    expect(await repo.get('a')).toBeUndefined();
    expect(await repo.ids()).toEqual(new Set(['b']));
  });

  it('imports in one transaction, skipping and counting ids already stored', async () => {
    const repo = await freshRepo();
    await repo.save({ ...verifiedReview('a'), items: [] });
    const report = await repo.importMany([verifiedReview('a'), verifiedReview('c')]);
    expect(report).toEqual({ added: 1, duplicates: 1 });
    expect((await repo.get('a'))?.items).toEqual([]);
  });

  it('an import that fails part-way adds nothing', async () => {
    const repo = await freshRepo();
    const bad = { ...verifiedReview('z'), prompt: () => 1 } as unknown as ReturnType<typeof verifiedReview>;
    await expect(repo.importMany([verifiedReview('y'), bad])).rejects.toThrow();
    expect(await repo.ids()).toEqual(new Set());
  });

  it('streams every review in batches, or only the chosen ones', async () => {
    const repo = await freshRepo();
    for (const id of ['d', 'a', 'c', 'b', 'e']) await repo.save(verifiedReview(id));
    const all: string[] = [];
    for await (const r of repo.stream({ batch: 2 })) all.push(r.id);
    expect(all).toEqual(['a', 'b', 'c', 'd', 'e']);
    const some: string[] = [];
    for await (const r of repo.stream({ batch: 2, ids: new Set(['e', 'b']) })) some.push(r.id);
    expect(some).toEqual(['b', 'e']);
  });

  it('keeps candidate decisions and the provenance of accepted principles', async () => {
    const repo = await freshRepo();
    await repo.rejectCandidate('cand-1', 10);
    const provenance = { principleId: 'USR-001', candidateId: 'cand-2', reviewIds: ['a', 'b'], items: [], acceptedAt: 11 };
    await repo.acceptCandidate(provenance);
    expect((await repo.decisions()).map((d) => [d.candidateId, d.status])).toEqual([['cand-1', 'rejected'], ['cand-2', 'accepted']]);
    expect(await repo.provenanceOf('USR-001')).toEqual(provenance);
    expect(await repo.provenanceOf('USR-002')).toBeUndefined();
  });
});
