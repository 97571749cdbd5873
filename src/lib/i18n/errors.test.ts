// Error text in the UI language: English is the class's own message; Chinese is looked up by code
// and filled from the error's fields; unknown codes keep the English words rather than show nothing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClinReviseError, ContextBudgetError, StepFailedError, abortError, describeError } from '../core/errors';
import { StorageQuotaExceededError } from '../engine';
import { ServerConnectionLostError, ServerHttpError, ServerUnreachableError } from '../engine/openai';
import { errorText } from './errors';
import { locale } from './index.svelte';

class NewKindOfError extends ClinReviseError {
  readonly code = 'a_code_no_catalog_knows';
  constructor() {
    super('Something new happened. Do this.');
  }
}

describe('errorText in English', () => {
  it('is the error class’s own message', () => {
    const err = new ServerUnreachableError('http://127.0.0.2:9/v1');
    expect(errorText(err)).toBe(describeError(err));
    expect(errorText(abortError())).toBe('Stopped.');
  });

  it('groups the digits of counts (about 35,513 tokens, not 35513)', () => {
    expect(errorText(new ContextBudgetError(35513, 4096))).toContain('needs about 35,513 tokens but the model\'s context window holds 4,096');
  });

  it('names the server once and what to do when it dies mid-reply; the step is left to the banner title', () => {
    const message = errorText(new ServerConnectionLostError('http://127.0.0.2:9/v1', 'network error'));
    expect(message).toContain('http://127.0.0.2:9/v1');
    expect(message).toMatch(/Resume/);
    expect(message).not.toMatch(/Unexpected error|failed:/);
  });
});

describe('errorText in Simplified Chinese', () => {
  beforeEach(async () => {
    await locale.use('zh-Hans');
  });
  afterEach(async () => {
    await locale.use('en');
  });

  it('translates by code and keeps the server, status and hint', () => {
    expect(errorText(new ServerUnreachableError('http://127.0.0.2:9/v1'))).toBe(
      '无法连接位于 http://127.0.0.2:9/v1 的模型服务器。请确认服务器正在运行、地址无误，并允许来自本页面的请求（CORS）。',
    );
    const http = errorText(new ServerHttpError('http://127.0.0.2:9/v1', 401, 'bad key'));
    expect(http).toContain('HTTP 401');
    expect(http).toContain('API 密钥');
  });

  it('formats numbers and sizes in the message', () => {
    expect(errorText(new ContextBudgetError(35513, 4096))).toContain('约需 35,513 个 token');
    expect(errorText(new StorageQuotaExceededError(2.3e9, 1.7e6))).toMatch(/^该模型约需 2\.3 GB 存储空间，而此浏览器只允许本应用再使用约 1\.7 MB。/);
  });

  it('names the step of a failed step once, with the cause translated', () => {
    const err = new StepFailedError('draft', new ServerUnreachableError('http://127.0.0.2:9/v1'));
    expect(errorText(err)).toMatch(/^撰写初稿失败：无法连接位于 http:\/\/127\.0\.0\.2:9\/v1 的模型服务器/);
  });

  it('keeps the English message for a code the catalog does not know, and words foreign errors', () => {
    expect(errorText(new NewKindOfError())).toBe('Something new happened. Do this.');
    expect(errorText(new TypeError('network error'))).toBe('发生意外错误：network error');
    expect(errorText(abortError())).toBe('已停止。');
  });
});

describe('storage full', () => {
  it('reads the same from our error and from the browser’s QuotaExceededError, in both languages', async () => {
    const { StorageFullError } = await import('../db/errors');
    const raw = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(errorText(raw)).toBe(errorText(new StorageFullError()));
    expect(errorText(raw)).toMatch(/Storage is full.*delete old runs or models \(Settings → Data\)/);
    await locale.use('zh-Hans');
    try {
      expect(errorText(raw)).toMatch(/存储空间已满.*设置 → 数据/);
    } finally {
      await locale.use('en');
    }
  });
});
