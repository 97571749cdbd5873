import { describe, expect, it } from 'vitest';
import { ThinkFilter } from './thinkFilter';

function run(chunks: string[]): string {
  const f = new ThinkFilter();
  return chunks.map((c) => f.push(c)).join('') + f.flush();
}

describe('ThinkFilter', () => {
  it('removes thinking even when tags are split across chunks', () => {
    expect(run(['<th', 'ink>secret</thi', 'nk>Visible ', 'answer'])).toBe('Visible answer');
  });

  it('passes text that merely starts like a tag', () => {
    expect(run(['a <', 'b> c <t'])).toBe('a <b> c <t');
  });

  it('drops an unfinished thinking block', () => {
    expect(run(['Hi <think>never closed'])).toBe('Hi ');
  });
});
