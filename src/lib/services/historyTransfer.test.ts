import { describe, expect, it } from 'vitest';
import { fakeRuns } from '../../../tests/support/fakeRuns';
import type { Run } from '../core/types';
import { RunsRepository } from '../db/runsRepository';
import { openAppDb } from '../db/schema';
import { importRunsFile, linesOf, runsJsonlStream, RunsFileInvalidError, streamToBlob } from './historyTransfer';

let n = 0;
async function repoWith(runs: Run[]) {
  const db = await openAppDb(`transfer-${Date.now()}-${n++}`);
  const repo = new RunsRepository(db);
  if (runs.length) await repo.restore(runs);
  return repo;
}

const jsonl = (runs: Run[]) => runs.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('export', () => {
  it('streams every run as one JSON line, pulling a batch only when the consumer reads', async () => {
    const runs = fakeRuns(300);
    const repo = await repoWith(runs);
    let pulled = 0;
    async function* counted() {
      for await (const batch of repo.scan()) {
        pulled++;
        yield batch;
      }
    }
    const stream = runsJsonlStream(counted());
    const reader = stream.getReader();
    await reader.read();
    // One batch read, the rest not yet (the stream may ask for one more to fill its queue).
    expect(pulled).toBeLessThanOrEqual(2);
    reader.releaseLock();
    const text = await (await streamToBlob(stream)).text();
    const lines = text.trim().split('\n');
    // The first chunk was consumed above; the Blob holds the rest, in order.
    expect(lines.length).toBeGreaterThan(0);
    const all = await (await streamToBlob(runsJsonlStream(repo.scan()))).text();
    expect(all.trim().split('\n').map((l) => (JSON.parse(l) as Run).id)).toEqual(runs.map((r) => r.id));
  });
});

describe('import', () => {
  it('adds new runs, skips ids already stored or repeated, and survives a round trip unchanged', async () => {
    const runs = fakeRuns(30);
    const repo = await repoWith(runs.slice(0, 10));
    const file = new Blob([jsonl([...runs, runs[12]!])]);
    expect(await importRunsFile(file, repo)).toEqual({ added: 20, duplicates: 11 });
    expect(await repo.count()).toBe(30);
    expect(await repo.get(runs[25]!.id)).toEqual(runs[25]);
  });

  it('refuses a file with bad lines, naming them, and changes nothing', async () => {
    const runs = fakeRuns(8);
    const repo = await repoWith([]);
    const lines = runs.map((r) => JSON.stringify(r));
    lines[2] = '{"id": "x"';
    lines[5] = JSON.stringify({ ...runs[5], status: 'exploded' });
    const err = await importRunsFile(new Blob([lines.join('\n')]), repo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunsFileInvalidError);
    expect((err as RunsFileInvalidError).problems.map((p) => p.line)).toEqual([3, 6]);
    expect((err as Error).message).toMatch(/line 3: not valid JSON; line 6: status/);
    expect(await repo.count()).toBe(0);
  });

  it('removes what it added when a write fails part-way, so the store ends as it was', async () => {
    const runs = fakeRuns(1200);
    const repo = await repoWith(runs.slice(0, 3));
    const realAdd = repo.addNew.bind(repo);
    let calls = 0;
    repo.addNew = async (batch) => {
      if (++calls === 2) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return realAdd(batch);
    };
    await expect(importRunsFile(new Blob([jsonl(runs)]), repo)).rejects.toThrow(/Nothing was imported: saving the runs failed/);
    expect(await repo.count()).toBe(3);
  });

  it('numbers lines across chunk boundaries, CRLF and blank lines included', async () => {
    const enc = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('a\r\n\nb'));
        c.enqueue(enc.encode('c\n'));
        c.enqueue(enc.encode('d'));
        c.close();
      },
    });
    const out = [];
    for await (const l of linesOf(stream)) out.push(l);
    expect(out).toEqual([
      { line: 1, text: 'a' },
      { line: 3, text: 'bc' },
      { line: 4, text: 'd' },
    ]);
  });
});
