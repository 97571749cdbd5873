// Prompt for the scenario classification step: one short, fresh conversation.

import type { ChatMessage } from '../chat';

export const CLASSIFY_SYSTEM = `You classify health questions for a clinical assistant. Read the question and reply with one JSON object with four fields:
- "urgency": "emergent" (possible threat to life or limb; needs emergency services now), "urgent" (needs care within hours to a day), "routine" (can wait for a normal appointment or self-care), or "not_applicable" (no patient situation, e.g. a documentation or general knowledge task).
- "uncertainty": "sufficient_context" (enough detail to answer well), "missing_context" (a good answer depends on facts not given, such as age, pregnancy, medicines, duration), or "uncertain_evidence" (the evidence itself is limited or conflicting).
- "expertise": "health_professional" (the asker writes as a clinician), "layperson", or "unclear".
- "task_type": "advice", "information", "medication", "health_data" (summarise or extract from records or results), "documentation" (write a note or letter), "evidence" (what research shows), or "other".
Reply with the JSON object only.`;

/** Messages for classifying a question. */
export function classifyMessages(question: string): ChatMessage[] {
  return [
    { role: 'system', content: CLASSIFY_SYSTEM },
    { role: 'user', content: question },
  ];
}
