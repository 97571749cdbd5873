import { describe, expect, it } from 'vitest';
import { StepFailedError } from '../src/lib/core/errors';
import { ServerConnectionLostError } from '../src/lib/engine/openai';
import { describeCliFailure } from './errorText';

const context = { baseUrl: 'http://127.0.0.2:9/v1', timeoutSeconds: 120, contextWindow: 8192 };

describe('describeCliFailure', () => {
  it('words a server lost mid-reply for the command line: the step once, the server, no Resume button', async () => {
    const text = await describeCliFailure(new StepFailedError('revise', new ServerConnectionLostError('http://127.0.0.2:9/v1', 'ECONNRESET')), context);
    expect(text).toBe(
      'Revising the answer failed: The connection to the model server at http://127.0.0.2:9/v1 was lost in the middle of its reply (ECONNRESET). ' +
        'Check that the server is still running and reachable, then run the command again.',
    );
  });
});
