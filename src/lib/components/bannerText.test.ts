import { describe, expect, it } from 'vitest';
import { withoutRepeatedTitle } from './bannerText';

describe('withoutRepeatedTitle', () => {
  it('drops a leading copy of the title and its separator (records saved by earlier builds)', () => {
    expect(withoutRepeatedTitle('Drafting the answer failed', 'Drafting the answer failed: Could not reach the server.')).toBe(
      'Could not reach the server.',
    );
    expect(withoutRepeatedTitle('撰写初稿失败', '撰写初稿失败：无法连接服务器。')).toBe('无法连接服务器。');
  });

  it('leaves a message that does not repeat the title alone', () => {
    expect(withoutRepeatedTitle('Drafting the answer failed', 'Could not reach the server.')).toBe('Could not reach the server.');
    expect(withoutRepeatedTitle('Not sent', 'Not sent')).toBe('Not sent');
  });
});
