// A full storage during a run: the run goes on in memory, is reported once, and leaves no partial record.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../tests/support/fixturePrinciples';
import { ScriptedEngine } from '../../../tests/support/scriptedEngine';
import { createRun } from '../core/pipeline/fold';
import { runPipeline } from '../core/pipeline/pipeline';
import { DEFAULT_RUN_OPTIONS, type Run } from '../core/types';
import { StorageFullError } from '../db/errors';
import { RunsRepository } from '../db/runsRepository';
import { openAppDb } from '../db/schema';
import { recordRun } from './recordRun';

const question = 'Fever and cough in my son for two days?';
let n = 0;

function pipeline() {
  const engine = new ScriptedEngine('improves');
  const run = createRun({ id: `r${n}`, question, options: DEFAULT_RUN_OPTIONS, engineLabel: engine.label, now: 1 });
  const events = runPipeline({ question, engine, principles: FIXTURE_PRINCIPLES, options: DEFAULT_RUN_OPTIONS, signal: new AbortController().signal });
  return { run, events };
}

/** Makes every IndexedDB put fail the way a browser at its quota does, from the `after`-th put on. */
function fillStorageAfter(after: number) {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (calls++ >= after) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('recordRun with a full storage', () => {
  it('finishes the run in memory, reports it once and saves nothing more after the failure', async () => {
    const { run, events } = pipeline();
    let saves = 0;
    const onStorageFull = vi.fn();
    const final = await recordRun({
      run,
      events,
      save: async () => {
        saves++;
        throw new StorageFullError();
      },
      onStorageFull,
    });
    expect(final.status).toBe('done');
    expect(final.final?.answer).toBeTruthy();
    expect(onStorageFull).toHaveBeenCalledOnce();
    expect(saves).toBe(1);
  });

  it('leaves no partial record when the storage fills up mid-run', async () => {
    const db = await openAppDb(`record-full-${n++}`);
    const runs = new RunsRepository(db);
    // The first two saves (the start, the draft) go through; then the storage is full.
    fillStorageAfter(2);
    const { run, events } = pipeline();
    const shown: Run[] = [];
    const final = await recordRun({ run, events, save: (r) => runs.save(r), onChange: (r) => shown.push(r), discard: () => runs.delete(run.id) });
    vi.restoreAllMocks();
    expect(final.status).toBe('done');
    expect(shown.at(-1)).toEqual(final);
    expect(await runs.get(run.id)).toBeUndefined();
  });

  it('still fails loudly for other storage errors', async () => {
    const { run, events } = pipeline();
    await expect(
      recordRun({
        run,
        events,
        save: async () => {
          throw new DOMException('disk broke', 'UnknownError');
        },
      }),
    ).rejects.toMatchObject({ name: 'UnknownError' });
  });
});
