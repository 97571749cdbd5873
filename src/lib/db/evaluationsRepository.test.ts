import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../core/eval/runner';
import { emptyCost } from '../core/eval/usage';
import type { HealthBenchExample } from '../core/healthbench/format';
import { EvaluationsRepository, type EvaluationRecord } from './evaluationsRepository';
import { openAppDb } from './schema';

let n = 0;
const name = () => `eval-test-${Date.now()}-${n++}`;

const example = (id: string): HealthBenchExample => ({ prompt_id: id, prompt: [{ role: 'user', content: id }], rubrics: [{ criterion: 'c', points: 1, tags: [] }], example_tags: [] });
const record = (id: string, createdAt: number): EvaluationRecord => ({
  id, name: 'x.jsonl', createdAt, updatedAt: createdAt, mode: 'plain', total: 2, status: 'running', answerEngineLabel: 'a', graderEngineLabel: 'g',
  grader: { kind: 'same' }, concurrency: 1, failures: [], problem: null, cost: emptyCost(),
});
const result = (id: string, mode: 'plain' | 'revised'): EvalResult => ({ prompt_id: id, mode, reply: 'r', score: 0.5, tag_scores: {}, example_tags: [], items: [], cost: { answer: emptyCost(), grader: emptyCost() }, seconds: 1 });

describe('EvaluationsRepository', () => {
  it('upgrades a version-1 database, keeping its runs', async () => {
    const db1 = await openDB(`${name()}-v1`, 1, {
      upgrade(db) {
        db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
        db.createObjectStore('principles', { keyPath: 'id' }).createIndex('by-dimension', 'dimension');
        db.createObjectStore('settings', { keyPath: 'key' });
      },
    });
    await db1.put('runs', { id: 'old', createdAt: 1 });
    const dbName = db1.name;
    db1.close();
    const db = await openAppDb(dbName);
    expect([...db.objectStoreNames]).toContain('evaluationResults');
    expect(await db.get('runs', 'old')).toMatchObject({ id: 'old' });
    db.close();
  });

  it('keeps examples in order and results per evaluation; the store port resumes; delete removes all', async () => {
    const repo = new EvaluationsRepository(await openAppDb(name()));
    await repo.create(record('e1', 1), [example('b'), example('a')]);
    await repo.create(record('e2', 2), [example('z')]);
    expect((await repo.examples('e1')).map((e) => e.prompt_id)).toEqual(['b', 'a']);
    expect((await repo.list()).map((r) => r.id)).toEqual(['e2', 'e1']);
    const store = repo.store('e1');
    await store.save(result('b', 'plain'));
    await store.save(result('b', 'revised'));
    await repo.store('e2').save(result('z', 'plain'));
    expect((await store.completed()).map((r) => `${r.prompt_id}/${r.mode}`).sort()).toEqual(['b/plain', 'b/revised']);
    expect((await repo.results('e1'))[0]).not.toHaveProperty('evaluationId');
    await repo.delete('e1');
    expect(await repo.get('e1')).toBeUndefined();
    expect(await repo.examples('e1')).toEqual([]);
    expect(await repo.results('e1')).toEqual([]);
    expect(await repo.results('e2')).toHaveLength(1);
  });
});
