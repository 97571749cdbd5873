import { describe, expect, it } from 'vitest';
import { collectHealthBench, decodeBytes, formatLineProblems, readHealthBench, scanHealthBench, splitLines } from './read';

const good = (id: string) => JSON.stringify({ prompt_id: id, prompt: [{ role: 'user', content: 'q' }], rubrics: [{ criterion: 'c', points: 1, tags: [] }], example_tags: [] });

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('streamed HealthBench reading', () => {
  it('splits chunks into lines across chunk boundaries and CRLF', async () => {
    expect(await collect(splitLines(['ab\r\ncd', 'e\nf', '', 'g\n']))).toEqual(['ab', 'cde', 'fg']);
    expect(await collect(splitLines(['x']))).toEqual(['x']);
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('é\n');
    async function* chunks() {
      yield bytes.slice(0, 1);
      yield bytes.slice(1);
    }
    expect(await collect(splitLines(decodeBytes(chunks())))).toEqual(['é']);
  });

  it('reports bad lines by number, skips blank ones, and catches a repeated prompt_id', async () => {
    const lines = [good('a'), '', '{oops', good('b'), JSON.stringify({ prompt_id: 'c', prompt: [], rubrics: [] }), good('a')];
    const scan = await scanHealthBench(lines);
    expect(scan.examples).toBe(2);
    expect(scan.problems.map((p) => p.line)).toEqual([3, 5, 6]);
    expect(scan.problems[0]!.problems).toEqual(['not valid JSON']);
    expect(scan.problems[2]!.problems[0]).toMatch(/already used on line 1/);
    expect(formatLineProblems(scan.problems, 1)).toBe('line 3: not valid JSON\n…and 2 more');
    expect((await collect(readHealthBench(lines))).map((e) => e.prompt_id)).toEqual(['a', 'b']);
    const whole = await collectHealthBench(lines);
    expect(whole.examples.map((e) => e.prompt_id)).toEqual(['a', 'b']);
    expect(whole.problems).toEqual(scan.problems);
  });
});
