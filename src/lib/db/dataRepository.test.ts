import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../tests/support/fixturePrinciples';
import { createRun } from '../core/pipeline/fold';
import { DEFAULT_RUN_OPTIONS } from '../core/types';
import { DataRepository, EXPORT_FORMAT, exportLinesOf, storeKind, type ExportHeader, type ExportLine } from './dataRepository';
import { StorageFullError, isQuotaExceeded } from './errors';
import { PrinciplesRepository } from './principlesRepository';
import { RunsRepository } from './runsRepository';
import { DB_VERSION, openAppDb, type AppDb } from './schema';
import { SettingsRepository } from './settingsRepository';

let n = 0;
const run = (i: number) => createRun({ id: `run-${String(i).padStart(4, '0')}`, question: `Question ${i}?`, options: DEFAULT_RUN_OPTIONS, engineLabel: 'test', now: i });

async function filled(runs = 3) {
  const name = `data-${n++}`;
  const db = await openAppDb(name);
  await new PrinciplesRepository(db).syncShipped('test', FIXTURE_PRINCIPLES);
  await new SettingsRepository(db).set('language', 'zh-Hans');
  const repo = new RunsRepository(db);
  for (let i = 0; i < runs; i++) await repo.save(run(i));
  return { name, db, data: new DataRepository(db), runs: repo };
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  let text = '';
  for await (const chunk of lines) text += chunk;
  return text.split('\n').filter(Boolean);
}

afterEach(() => vi.restoreAllMocks());

describe('DataRepository', () => {
  it('counts and sizes every store', async () => {
    const { data } = await filled(3);
    const sizes = await data.measure();
    // Stores of other features (rubric reviews, evaluations) are listed too, empty here.
    expect(sizes.filter((s) => s.records > 0).map((s) => [s.store, s.kind, s.records])).toEqual([
      ['principles', 'principles', FIXTURE_PRINCIPLES.length],
      ['runs', 'runs', 3],
      // The library version and the language.
      ['settings', 'settings', 2],
    ]);
    const runs = sizes.find((s) => s.store === 'runs')!;
    const oneRun = new TextEncoder().encode(JSON.stringify(run(0))).byteLength;
    expect(runs.bytes).toBeGreaterThanOrEqual(3 * oneRun - 3);
    expect(runs.bytes).toBeLessThanOrEqual(3 * oneRun + 3);
  });

  it('finds stores a later schema version adds, whatever their keys', async () => {
    const name = `data-extra-${n++}`;
    (await openAppDb(name)).close();
    const db = await openDB(name, DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('evaluationsLater', { keyPath: 'id' });
        db.createObjectStore('evaluationExamplesLater', { keyPath: ['evaluationId', 'index'] });
        db.createObjectStore('rubricNotesLater', { keyPath: 'id' });
      },
    });
    for (let i = 0; i < 450; i++) await db.put('evaluationExamplesLater', { evaluationId: 'e1', index: i, text: 'x' });
    await db.put('rubricNotesLater', { id: 'rv1' });
    const data = new DataRepository(db as unknown as AppDb);
    const sizes = await data.measure();
    expect(Object.fromEntries(sizes.map((s) => [s.store, [s.kind, s.records]]))).toMatchObject({
      evaluationsLater: ['evaluations', 0],
      evaluationExamplesLater: ['evaluations', 450],
      rubricNotesLater: ['rubrics', 1],
    });
    const lines = (await collect(data.exportLines())).slice(1).map((l) => JSON.parse(l) as ExportLine);
    const indexes = lines.filter((l) => l.store === 'evaluationExamplesLater').map((l) => (l.value as { index: number }).index);
    // Read in batches of 200 across three transactions: every record once, in key order.
    expect(indexes).toEqual(Array.from({ length: 450 }, (_, i) => i));
  });

  it('exports a header, then every record of every store, in more than one batch', async () => {
    const { data } = await filled(450);
    const lines = await collect(data.exportLines(undefined, new Date('2026-01-02T03:04:05Z')));
    const header = JSON.parse(lines[0]!) as ExportHeader;
    expect(header).toEqual({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-01-02T03:04:05.000Z', databaseVersion: DB_VERSION, stores: expect.arrayContaining(['principles', 'runs', 'settings']) });
    const records = lines.slice(1).map((l) => JSON.parse(l) as ExportLine);
    const ids = records.filter((r) => r.store === 'runs').map((r) => (r.value as { id: string }).id);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
    expect(records.filter((r) => r.store === 'principles')).toHaveLength(FIXTURE_PRINCIPLES.length);
    expect(records.find((r) => r.store === 'settings' && (r.value as { key: string }).key === 'language')?.value).toEqual({ key: 'language', value: 'zh-Hans' });
  });

  it('stops an export when its signal is aborted', async () => {
    const { data } = await filled(450);
    const controller = new AbortController();
    const lines = data.exportLines(controller.signal);
    await lines.next();
    controller.abort();
    await expect(collect(lines)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('deletes all runs and keeps everything else', async () => {
    const { data, db } = await filled(5);
    await data.deleteAllRuns();
    expect(await db.count('runs')).toBe(0);
    expect(await db.count('principles')).toBe(FIXTURE_PRINCIPLES.length);
    expect(await db.count('settings')).toBe(2);
  });

  it('deletes the whole database, so the app starts as new', async () => {
    const { data, name } = await filled(2);
    await data.deleteDatabase();
    const fresh = await openAppDb(name);
    expect([await fresh.count('runs'), await fresh.count('principles'), await fresh.count('settings')]).toEqual([0, 0, 0]);
  });

  it('writes a run kept only in memory in the same format', () => {
    const lines = exportLinesOf('runs', [run(7)], new Date(0));
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: EXPORT_FORMAT, stores: ['runs'] });
    expect(JSON.parse(lines[1]!)).toEqual({ store: 'runs', value: run(7) });
  });

  it('names the kinds of stores of later versions', () => {
    expect(['runs', 'evaluationResults', 'candidateDecisions', 'rubricReviews', 'principles', 'settings', 'somethingNew'].map(storeKind)).toEqual([
      'runs',
      'evaluations',
      'rubrics',
      'rubrics',
      'principles',
      'settings',
      'other',
    ]);
  });
});

describe('a full storage', () => {
  /** Makes every put fail the way a browser at its quota does. */
  const fillStorage = () =>
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

  it('is recognised in each form the browsers use', () => {
    expect(isQuotaExceeded(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded(new StorageFullError())).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaExceeded(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).toBe(false);
  });

  it('makes saving a run throw StorageFullError and writes nothing', async () => {
    const { runs, db } = await filled(1);
    fillStorage();
    await expect(runs.save(run(99))).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await db.count('runs')).toBe(1);
    expect(await runs.get('run-0099')).toBeUndefined();
  });
});
