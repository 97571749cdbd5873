// The OpenAI-style finish_reason strings that servers, web-llm and llama.cpp report, mapped onto
// ours. Only `length` matters to the pipeline (an incomplete reply); unknown reasons are `other`.

import type { FinishReason } from '../core/chat';

/** Maps a reported finish reason ("stop", "eos", "length", "abort"…) to ours. */
export function mapFinishReason(reason: string | null | undefined): FinishReason {
  if (reason === 'stop' || reason === 'eos' || reason === 'stop_sequence') return 'stop';
  if (reason === 'length' || reason === 'abort') return reason;
  return 'other';
}
