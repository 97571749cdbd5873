import { describe, expect, it } from 'vitest';
import { createRun, finishRun } from '../../core/pipeline/fold';
import { DEFAULT_RUN_OPTIONS, type Run } from '../../core/types';
import { canFollowUp, earlierRuns, followUpContext } from './followUp';
import { runMarkdown } from './runExport';

const done = (id: string, question: string, answer: string, extra: Partial<Run> = {}): Run =>
  finishRun({ ...createRun({ id, question, options: DEFAULT_RUN_OPTIONS, engineLabel: 'e', now: 1 }), final: { round: 0, answer, score: 1, reason: 'target_reached' }, ...extra }, 'done');

describe('follow-up questions', () => {
  it('carry every earlier question and final answer, oldest first', () => {
    const first = done('a', 'Q1', 'A1');
    const second = done('b', 'Q2', 'A2', { context: followUpContext(first), previousRunId: 'a' });
    expect(followUpContext(second)).toEqual([
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'Q2' },
      { role: 'assistant', content: 'A2' },
    ]);
  });

  it('only follow a finished run', () => {
    const running = createRun({ id: 'r', question: 'Q', options: DEFAULT_RUN_OPTIONS, engineLabel: 'e', now: 1 });
    expect(canFollowUp(running)).toBe(false);
    expect(() => followUpContext(running)).toThrow();
    expect(canFollowUp(done('d', 'Q', 'A'))).toBe(true);
  });

  it('find the earlier turns by walking back, stopping at a missing turn or a cycle', async () => {
    const runs = new Map<string, Run>([
      ['a', done('a', 'Q1', 'A1')],
      ['b', done('b', 'Q2', 'A2', { previousRunId: 'a' })],
      ['c', done('c', 'Q3', 'A3', { previousRunId: 'b' })],
      ['x', done('x', 'X', 'X', { previousRunId: 'y' })],
      ['y', done('y', 'Y', 'Y', { previousRunId: 'x' })],
    ]);
    const load = async (id: string) => runs.get(id);
    expect((await earlierRuns(runs.get('c')!, load)).map((r) => r.id)).toEqual(['a', 'b']);
    expect((await earlierRuns(done('z', 'Z', 'Z', { previousRunId: 'gone' }), load)).map((r) => r.id)).toEqual([]);
    expect((await earlierRuns(runs.get('y')!, load)).map((r) => r.id)).toEqual(['x']);
  });

  it('export the conversation in Markdown before the question and answer', () => {
    const first = done('a', 'Q1', 'A1');
    const second = done('b', 'Q2', 'A2', { context: followUpContext(first), previousRunId: 'a' });
    const md = runMarkdown(second, { question: 'Question', earlier: 'Earlier', user: 'User', assistant: 'Answer', answer: 'Final answer', selfCheck: 'SC', answeredBy: 'by e', notice: 'N' });
    expect(md).toBe('## Earlier\n\n**User:**\n\nQ1\n\n**Answer:**\n\nA1\n\n## Question\n\nQ2\n\n## Final answer\n\nA2\n\n*SC*\n\n---\n\nby e\n\n> N\n');
  });
});
