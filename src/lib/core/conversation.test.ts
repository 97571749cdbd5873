import { describe, expect, it } from 'vitest';
import { conversationProblems, conversationText, earlierTurns, latestQuestion, singleQuestion, userText, type Turn } from './conversation';

const multi: Turn[] = [
  { role: 'user', content: 'My daughter has a rash.' },
  { role: 'assistant', content: 'How old is she, and does it fade when pressed?' },
  { role: 'user', content: 'She is 3 and it does not fade under a glass.' },
];

describe('conversations', () => {
  it('reads a single question exactly as the question', () => {
    expect(conversationText(singleQuestion('Is 38.5 °C a fever?'))).toBe('Is 38.5 °C a fever?');
    expect(earlierTurns(singleQuestion('q'))).toEqual([]);
  });

  it('separates the latest user message from the earlier turns', () => {
    expect(latestQuestion(multi)).toBe('She is 3 and it does not fade under a glass.');
    expect(earlierTurns(multi)).toEqual(multi.slice(0, 2));
    const text = conversationText(multi);
    expect(text).toContain('user: My daughter has a rash.');
    expect(text).toContain('assistant: How old is she');
    expect(text.endsWith('She is 3 and it does not fade under a glass.')).toBe(true);
    expect(userText(multi)).toBe('My daughter has a rash.\nShe is 3 and it does not fade under a glass.');
  });

  it('names what makes a conversation unusable', () => {
    expect(conversationProblems(multi)).toEqual([]);
    expect(conversationProblems([])).toEqual(['the conversation has no messages']);
    expect(conversationProblems(multi.slice(0, 2))).toEqual(['the last message must be from the user']);
    expect(conversationProblems([{ role: 'user', content: '  ' }])).toEqual(['message 1 is empty']);
    expect(conversationProblems([{ role: 'robot' as never, content: 'x' }, { role: 'user', content: 'y' }])).toEqual(['message 1 has role "robot"']);
  });
});
