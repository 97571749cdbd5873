import { describe, expect, it } from 'vitest';
import { fakeRuns } from '../../../../tests/support/fakeRuns';
import { verifiedReview } from '../../../../tests/support/rubricFixtures';
import { emptyCost } from '../../core/eval/usage';
import type { Run } from '../../core/types';
import { DataRepository } from '../dataRepository';
import { EvaluationsRepository, type EvaluationRecord } from '../evaluationsRepository';
import { RubricReviewsRepository } from '../rubricReviewsRepository';
import { RunsRepository } from '../runsRepository';
import { openAppDb, type AppDb } from '../schema';
import { SettingsRepository } from '../settingsRepository';
import { LockService } from './lockService';
import { LockedError } from './recordCipher';
import { Vault, isSealed } from './vault';

// Few PBKDF2 rounds for speed, injected here only; recordCipher.test asserts the shipped 600,000.
const FAST = { iterations: 1_000, minIterations: 1_000 };
let n = 0;

/** The app's wiring over one database: a vault shared by the lock and every repository. */
async function app(db?: AppDb) {
  db ??= await openAppDb(`lock-${Date.now()}-${n++}`);
  const vault = new Vault();
  const settings = new SettingsRepository(db);
  const lock = new LockService(db, settings, vault, FAST);
  await lock.load();
  return {
    db,
    lock,
    vault,
    runs: new RunsRepository(db, () => {}, vault),
    reviews: new RubricReviewsRepository(db, vault),
    evaluations: new EvaluationsRepository(db, vault),
    data: new DataRepository(db, vault),
  };
}

const evaluation = (id: string): EvaluationRecord => ({
  id, name: 'secret-file.jsonl', createdAt: 5, updatedAt: 5, mode: 'plain', total: 1, status: 'done', answerEngineLabel: 'a', graderEngineLabel: 'g',
  grader: { kind: 'same' }, concurrency: 1, failures: [], problem: null, cost: emptyCost(),
});

/** Every stored value of the sensitive stores, as raw text (for "no plaintext at rest" checks). */
async function rawText(db: AppDb): Promise<string> {
  const parts: string[] = [];
  for (const store of ['runs', 'rubricReviews', 'evaluations', 'evaluationExamples', 'evaluationResults', 'candidateDecisions'] as const) {
    for (const value of await db.getAll(store)) parts.push(JSON.stringify(value, (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Buffer.from(v as ArrayBuffer).toString('latin1') : v)));
  }
  return parts.join('\n');
}

describe('passphrase lock over the repositories', () => {
  it('enabling encrypts what is stored; paging, get, search and export still work unlocked', async () => {
    const a = await app();
    const runs = fakeRuns(45);
    await a.runs.restore(runs);
    await a.reviews.save(verifiedReview('r1'));
    await a.evaluations.create(evaluation('e1'), [{ prompt_id: 'p1', prompt: [{ role: 'user', content: 'knee swelling' }], rubrics: [], example_tags: [] }]);
    const progress: number[] = [];
    const report = await a.lock.enable('correct horse battery', 10, (p) => progress.push(p.done));
    expect(report).toEqual({ rewritten: 45 + 1 + 1 + 1, corrupt: 0 });
    expect(progress.at(-1)).toBe(48);

    const raw = await rawText(a.db);
    expect(raw).not.toContain(runs[0]!.question);
    expect(raw).not.toContain('knee swelling');
    expect(raw).not.toContain('secret-file');
    for (const stored of await a.db.getAll('runs')) {
      expect(isSealed(stored)).toBe(true);
      // Only the key path and the index field stay in clear.
      expect(Object.keys(stored).sort()).toEqual(['createdAt', 'id', 'sealed']);
    }

    const first = await a.runs.page({ limit: 20 });
    expect(first.runs.map((r) => r.id)).toEqual(runs.slice(0, 20).map((r) => r.id));
    const second = await a.runs.page({ limit: 20, after: first.next });
    expect(second.runs[0]!.id).toBe(runs[20]!.id);
    expect(await a.runs.get(runs[3]!.id)).toEqual(runs[3]);
    const word = runs[7]!.question.split(' ')[0]!;
    const hits = await a.runs.page({ query: { text: word }, limit: 100 });
    expect(hits.runs.some((r) => r.id === runs[7]!.id)).toBe(true);
    expect((await a.reviews.get('r1'))?.id).toBe('r1');
    expect((await a.evaluations.examples('e1'))[0]!.prompt_id).toBe('p1');
    const exported: string[] = [];
    for await (const chunk of a.data.exportLines()) exported.push(chunk);
    expect(exported.join('')).toContain(runs[0]!.question);
  });

  it('after a reload the data is locked: reads and writes refuse, a wrong passphrase unlocks nothing', async () => {
    const a = await app();
    const [run] = fakeRuns(1);
    await a.runs.save(run!);
    await a.lock.enable('right passphrase', 5);
    const b = await app(a.db); // a fresh tab: the key lived only in the first one's memory
    expect(b.vault.locked).toBe(true);
    await expect(b.runs.page()).rejects.toBeInstanceOf(LockedError);
    await expect(b.runs.save({ ...run!, question: 'written while locked' })).rejects.toBeInstanceOf(LockedError);
    expect(await rawText(a.db)).not.toContain('written while locked');
    expect(await b.lock.unlock(['wrong passphrase'])).toBe(false);
    expect(b.vault.locked).toBe(true);
    expect(await b.lock.unlock(['right passphrase'])).toBe(true);
    expect((await b.runs.page()).runs).toEqual([run]);
    b.lock.lock();
    await expect(b.runs.get(run!.id)).rejects.toBeInstanceOf(LockedError);
  });

  it('a record that will not decrypt with the right key is reported as corrupt and the rest still shows', async () => {
    const a = await app();
    const runs = fakeRuns(5);
    await a.runs.restore(runs);
    await a.lock.enable('pw-pw-pw-pw', 5);
    const stored = await a.db.get('runs', runs[2]!.id);
    if (!stored || !isSealed(stored)) throw new Error('expected a sealed run');
    const data = new Uint8Array(stored.sealed.data.slice(0));
    data[10]! ^= 0x01;
    await a.db.put('runs', { ...stored, sealed: { ...stored.sealed, data: data.buffer } });
    const page = await a.runs.page();
    expect(page.corrupt).toEqual([runs[2]!.id]);
    expect(page.runs.map((r) => r.id)).toEqual(runs.filter((_, i) => i !== 2).map((r) => r.id));
    await expect(a.runs.get(runs[2]!.id)).rejects.toMatchObject({ code: 'record_corrupt' });
  });

  it('turning the lock off with a damaged record decrypts the rest; the damaged one then reads as corrupt, not locked', async () => {
    const a = await app();
    const runs = fakeRuns(3);
    await a.runs.restore(runs);
    await a.lock.enable('pw for disable', 5);
    const stored = await a.db.get('runs', runs[1]!.id);
    if (!stored || !isSealed(stored)) throw new Error('expected a sealed run');
    await a.db.put('runs', { ...stored, sealed: { ...stored.sealed, iv: new Uint8Array(12) } });
    expect(await a.lock.disable('pw for disable')).toBe(true);
    const page = await a.runs.page();
    expect(page.runs.map((r) => r.id)).toEqual([runs[0]!.id, runs[2]!.id]);
    expect(page.corrupt).toEqual([runs[1]!.id]);
  });

  it('a rubric review moved onto another id is refused as corrupt (the id is authenticated), the other still lists', async () => {
    const a = await app();
    await a.lock.enable('reviews passphrase', 5);
    await a.reviews.save({ ...verifiedReview('one'), updatedAt: 1 });
    await a.reviews.save({ ...verifiedReview('two'), updatedAt: 2 });
    const one = await a.db.get('rubricReviews', 'one');
    await a.db.put('rubricReviews', { ...one!, id: 'three', updatedAt: 3 });
    const { reviews, corrupt } = await a.reviews.listWithCorrupt();
    expect(corrupt).toEqual(['three']);
    expect(reviews.map((r) => r.id).sort()).toEqual(['one', 'two']);
  });

  it('changing the passphrase re-encrypts everything; an interrupted change finishes on the next unlock', async () => {
    const a = await app();
    const runs = fakeRuns(250);
    await a.runs.restore(runs);
    await a.lock.enable('first passphrase', 5);
    const keyOf = async () => new Set((await a.db.getAll('runs')).map((r) => (isSealed(r) ? r.sealed.keyId : 'plain')));
    const firstKey = [...(await keyOf())];
    // Stop the change after its first batch, as a tab closed mid-way would.
    const stop = new AbortController();
    await expect(
      a.lock.change('first passphrase', 'second passphrase', (p) => {
        if (p.done >= 100) stop.abort();
      }, stop.signal),
    ).rejects.toThrow();
    const mixed = await keyOf();
    expect(mixed.size).toBe(2);
    expect(mixed.has(firstKey[0]!)).toBe(true);

    const b = await app(a.db);
    expect(b.lock.meta?.keys).toHaveLength(2);
    // Either passphrase alone opens only part of the data: both are asked for.
    expect(await b.lock.unlock(['second passphrase'])).toBe(false);
    expect(await b.lock.unlock(['second passphrase', 'first passphrase'])).toBe(true);
    expect(b.lock.meta?.keys).toHaveLength(1);
    const after = await keyOf();
    expect(after.size).toBe(1);
    expect(after.has(firstKey[0]!)).toBe(false);
    expect(await b.runs.countMatching({})).toBe(250);

    const c = await app(a.db);
    expect(await c.lock.unlock(['first passphrase'])).toBe(false);
    expect(await c.lock.unlock(['second passphrase'])).toBe(true);
    expect((await c.runs.page({ limit: 300 })).runs).toHaveLength(250);
  });

  it('a wrong current passphrase changes nothing', async () => {
    const a = await app();
    await a.lock.enable('one two three four', 5);
    expect(await a.lock.change('not it', 'new one here')).toBe(false);
    expect(a.lock.meta?.keys).toHaveLength(1);
  });

  it('disabling decrypts everything with the passphrase and removes the lock record', async () => {
    const a = await app();
    const runs = fakeRuns(12);
    await a.runs.restore(runs);
    await a.reviews.rejectCandidate('cand-1', 3);
    await a.lock.enable('to be removed', 5);
    expect(await a.lock.disable('wrong')).toBe(false);
    expect(a.lock.meta).not.toBeNull();
    expect(await a.lock.disable('to be removed')).toBe(true);
    expect(a.lock.meta).toBeNull();
    expect(await new SettingsRepository(a.db).find('lock')).toBeUndefined();
    for (const stored of await a.db.getAll('runs')) expect(isSealed(stored)).toBe(false);
    const b = await app(a.db);
    expect(b.vault.enabled).toBe(false);
    expect((await b.runs.page({ limit: 50 })).runs).toEqual(runs);
    expect(await b.reviews.decisions()).toEqual([{ candidateId: 'cand-1', status: 'rejected', at: 3 }]);
  });

  it('a plain record another tab wrote after the first pass had passed it is sealed before enable returns', async () => {
    const a = await app();
    const runs = fakeRuns(30);
    await a.runs.restore(runs);
    let written = false;
    await a.lock.enable('stragglers', 5, (p) => {
      // End of the first pass: a tab that has not heard of the lock yet writes a run in clear.
      if (!written && p.total > 0 && p.done === p.total) {
        written = true;
        void a.db.put('runs', { ...runs[0]!, question: 'late plain write' });
      }
    });
    expect(written).toBe(true);
    const stored = await a.db.get('runs', runs[0]!.id);
    expect(isSealed(stored)).toBe(true);
    expect((await a.runs.get(runs[0]!.id))?.question).toBe('late plain write');
    expect(await rawText(a.db)).not.toContain('late plain write');
  });

  it('a run saved while re-encrypting is not overwritten by the older copy', async () => {
    const a = await app();
    const runs = fakeRuns(150);
    await a.runs.restore(runs);
    const edited: Run = { ...runs[120]!, question: 'edited during enable' };
    let saved = false;
    await a.lock.enable('concurrent', 5, (p) => {
      // After the first batch the vault seals with the new key: this save races the second batch.
      if (!saved && p.done >= 100) {
        saved = true;
        void a.runs.save(edited);
      }
    });
    await new Promise((r) => setTimeout(r, 20));
    expect((await a.runs.get(edited.id))?.question).toBe('edited during enable');
  });
});
