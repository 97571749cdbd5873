// Databases as the previous releases wrote them (schema v1: principles, runs, settings; v2: plus
// evaluations), opened with the current code: every record is still there and readable through the
// repositories — and the passphrase lock can then encrypt them.

import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { fakeRuns } from '../../../tests/support/fakeRuns';
import { emptyCost } from '../core/eval/usage';
import { LockService } from './crypto/lockService';
import { Vault, isSealed } from './crypto/vault';
import { EvaluationsRepository, type EvaluationRecord } from './evaluationsRepository';
import { RubricReviewsRepository } from './rubricReviewsRepository';
import { RunsRepository } from './runsRepository';
import { DB_VERSION, openAppDb } from './schema';
import { SettingsRepository } from './settingsRepository';

let n = 0;
const runs = fakeRuns(40);
const principle = { id: 'P-1', dimension: 'safety', title: 'Red flags', text: 'Say when to seek urgent care.', enabled: true, origin: 'shipped', edited: false, shipped: null, updatedAt: 1 };
const evaluation: EvaluationRecord = {
  id: 'ev-1', name: 'demo.jsonl', createdAt: 10, updatedAt: 11, mode: 'plain', total: 1, status: 'done', answerEngineLabel: 'a', graderEngineLabel: 'a',
  grader: { kind: 'same' }, concurrency: 1, failures: [], problem: null, cost: emptyCost(), summary: { plain: 0.5 },
};

/** The v1 stores, exactly as release 1's upgrade created them, filled the way it wrote records. */
function createV1(db: IDBPDatabase): void {
  db.createObjectStore('principles', { keyPath: 'id' }).createIndex('by-dimension', 'dimension');
  db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
  db.createObjectStore('settings', { keyPath: 'key' });
}

async function fillV1(db: IDBPDatabase): Promise<void> {
  const tx = db.transaction(['principles', 'runs', 'settings'], 'readwrite');
  await Promise.all([
    tx.objectStore('principles').put(principle),
    ...runs.map((r) => tx.objectStore('runs').put(r)),
    tx.objectStore('settings').put({ key: 'libraryVersion', value: '2026.11' }),
    tx.objectStore('settings').put({ key: 'language', value: 'zh-Hans' }),
    tx.done,
  ]);
}

async function v1Database(): Promise<string> {
  const name = `migrate-v1-${Date.now()}-${n++}`;
  const db = await openDB(name, 1, { upgrade: createV1 });
  await fillV1(db);
  db.close();
  return name;
}

async function v2Database(): Promise<string> {
  const name = `migrate-v2-${Date.now()}-${n++}`;
  const db = await openDB(name, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) createV1(db);
      db.createObjectStore('evaluations', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
      db.createObjectStore('evaluationExamples', { keyPath: ['evaluationId', 'index'] });
      db.createObjectStore('evaluationResults', { keyPath: ['evaluationId', 'mode', 'prompt_id'] }).createIndex('by-evaluation', 'evaluationId');
    },
  });
  await fillV1(db);
  await db.put('evaluations', evaluation);
  await db.put('evaluationExamples', { evaluationId: 'ev-1', index: 0, example: { prompt_id: 'q1', prompt: [{ role: 'user', content: 'sore throat' }], rubrics: [], example_tags: [] } });
  await db.put('evaluationResults', { evaluationId: 'ev-1', prompt_id: 'q1', mode: 'plain', reply: 'rest', score: 0.5, tag_scores: {}, example_tags: [], items: [], cost: { answer: emptyCost(), grader: emptyCost() }, seconds: 2 });
  db.close();
  return name;
}

describe('databases from previous releases', () => {
  it('a v1 database opens at the current version with every run, principle and setting readable', async () => {
    const db = await openAppDb(await v1Database());
    expect(db.version).toBe(DB_VERSION);
    const repo = new RunsRepository(db);
    expect(await repo.count()).toBe(40);
    const first = await repo.page({ limit: 25 });
    const rest = await repo.page({ limit: 25, after: first.next });
    expect([...first.runs, ...rest.runs]).toEqual(runs);
    expect(await db.get('principles', 'P-1')).toEqual(principle);
    const settings = new SettingsRepository(db);
    expect(await settings.get('language', 'auto')).toBe('zh-Hans');
    expect(await settings.get('libraryVersion', '')).toBe('2026.11');
    // The stores added since start empty and work.
    expect(await new RubricReviewsRepository(db).list()).toEqual([]);
    expect(await new EvaluationsRepository(db).list()).toEqual([]);
    db.close();
  });

  it('a v2 database keeps its evaluations with their examples and results', async () => {
    const db = await openAppDb(await v2Database());
    expect(db.version).toBe(DB_VERSION);
    const evals = new EvaluationsRepository(db);
    expect(await evals.list()).toEqual([evaluation]);
    expect((await evals.examples('ev-1'))[0]?.prompt[0]?.content).toBe('sore throat');
    expect((await evals.results('ev-1'))[0]).toMatchObject({ prompt_id: 'q1', reply: 'rest', score: 0.5 });
    expect((await new RunsRepository(db).page({ limit: 50 })).runs).toEqual(runs);
    db.close();
  });

  it('old records can then be locked, and read back unlocked, nothing lost', async () => {
    const db = await openAppDb(await v2Database());
    const vault = new Vault();
    const lock = new LockService(db, new SettingsRepository(db), vault, { iterations: 1_000, minIterations: 1_000 });
    await lock.load();
    await lock.enable('old data, new lock', 5);
    for (const stored of await db.getAll('evaluationResults')) expect(isSealed(stored)).toBe(true);
    expect((await new RunsRepository(db, () => {}, vault).page({ limit: 50 })).runs).toEqual(runs);
    expect(await new EvaluationsRepository(db, vault).list()).toEqual([evaluation]);
    db.close();
  });
});
