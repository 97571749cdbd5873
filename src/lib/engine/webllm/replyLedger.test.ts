import { describe, expect, it } from 'vitest';
import { LoadProgressTracker } from './progress';
import { ReplyLedger, VisibleStream, visibleReply } from './replyLedger';

describe('visible replies', () => {
  it('drops Qwen3’s empty think block and the blank lines after it', () => {
    expect(visibleReply('<think>\n\n</think>\n\nAnswer.\n')).toBe('Answer.\n');
    expect(visibleReply('<think>reasoning</think>\n\n{"a":1}')).toBe('{"a":1}');
    expect(visibleReply('Plain answer')).toBe('Plain answer');
  });

  it('streams the same text in any chunking', () => {
    const raw = '<think>\nweigh the red flags\n</think>\n\nSee a doctor today.';
    for (const size of [1, 2, 5, 9, 100]) {
      const stream = new VisibleStream();
      let out = '';
      for (let i = 0; i < raw.length; i += size) out += stream.push(raw.slice(i, i + size));
      expect(out + stream.flush()).toBe(visibleReply(raw));
    }
  });

  it('the ledger puts stored forms back for assistant messages only', () => {
    const ledger = new ReplyLedger(2);
    ledger.remember('A', '<think>\n\n</think>\n\nA');
    const restored = ledger.restore([
      { role: 'user', content: 'A' },
      { role: 'assistant', content: 'A' },
      { role: 'assistant', content: 'B' },
    ]);
    expect(restored.map((m) => m.content)).toEqual(['A', '<think>\n\n</think>\n\nA', 'B']);
    ledger.remember('B', 'rawB');
    ledger.remember('C', 'rawC'); // capacity 2: A is forgotten
    expect(ledger.restore([{ role: 'assistant', content: 'A' }])[0]!.content).toBe('A');
  });
});

describe('LoadProgressTracker', () => {
  const reports = [
    { progress: 0, timeElapsed: 0, text: 'Start to fetch params' },
    { progress: 0.5, timeElapsed: 3, text: 'Fetching param cache[5/10]: 1000MB fetched. 50% completed, 3 secs elapsed.' },
    { progress: 0.3, timeElapsed: 5, text: 'Loading model from cache[3/10]: 600MB loaded. 30% completed, 5 secs elapsed.' },
    { progress: 0.4, timeElapsed: 6, text: 'Loading GPU shader modules[40/100]: 40% completed, 6 secs elapsed.' },
    { progress: 1, timeElapsed: 7, text: 'Finish loading on WebGPU - google' },
  ];

  it('a first load: download, then loading onto the GPU, then shaders', () => {
    const tracker = new LoadProgressTracker(false);
    tracker.totalBytes = 2e9;
    const out = reports.map((r) => tracker.next(r));
    expect(out.map((p) => p.phase)).toEqual(['download', 'download', 'load', 'compile', 'load']);
    expect(out[1]).toMatchObject({ fraction: 0.5, loadedBytes: 1e9, totalBytes: 2e9 });
    expect(out[3]).toMatchObject({ loadedBytes: null, totalBytes: null });
  });

  it('a cached model: loading from cache, then shaders', () => {
    const tracker = new LoadProgressTracker(true);
    expect([reports[0]!, reports[2]!, reports[3]!].map((r) => tracker.next(r).phase)).toEqual(['cache', 'cache', 'compile']);
  });
});
