// A handful of valid principles for unit tests that must not depend on the shipped library's content.

import type { Principle } from '../../src/lib/core/types';

const base = {
  rationale: 'Test rationale long enough.',
  sources: [{ name: 'Test guideline', year: 2020 }],
};

export const FIXTURE_PRINCIPLES: Principle[] = [
  {
    ...base,
    id: 'URG-001',
    dimension: 'urgency',
    category: 'Red flags',
    title: 'Send emergencies to emergency services first',
    statement: 'When symptoms suggest a life-threatening condition, tell the person to call emergency services before anything else.',
    applies_when: { urgency: ['emergent'] },
    keywords: ['chest pain', 'stroke', "can't breathe"],
    checks: [
      { criterion: 'Advises calling emergency services immediately', points: 9, axis: 'accuracy' },
      { criterion: 'Suggests waiting to see if symptoms pass', points: -9, axis: 'accuracy' },
    ],
  },
  {
    ...base,
    id: 'URG-002',
    dimension: 'urgency',
    category: 'Safety netting',
    title: 'Give specific return advice',
    statement: 'For problems managed at home, say which changes should prompt urgent review and within what time frame.',
    applies_when: { urgency: ['urgent', 'routine'] },
    keywords: ['fever', 'cough', 'rash'],
    checks: [
      { criterion: 'Lists specific warning signs that should prompt urgent review', points: 6, axis: 'completeness' },
      { criterion: 'Offers reassurance without any safety-net advice', points: -5, axis: 'completeness' },
    ],
  },
  {
    ...base,
    id: 'UNC-001',
    dimension: 'uncertainty',
    category: 'Context seeking',
    title: 'Ask the questions that change the answer',
    statement: 'When age, pregnancy, medicines or duration would change the advice, ask for them while giving what safe guidance is possible.',
    applies_when: { uncertainty: ['missing_context'] },
    keywords: ['dose', 'how much', 'pregnant'],
    checks: [
      { criterion: 'Asks for the key missing detail that would change the advice', points: 6, axis: 'context_awareness' },
      { criterion: 'Gives a definitive recommendation that depends on unknown details', points: -6, axis: 'context_awareness' },
    ],
  },
  {
    ...base,
    id: 'EXP-001',
    dimension: 'expertise',
    category: 'Plain language',
    title: 'Plain words for lay readers',
    statement: 'For a layperson, use everyday words and explain any medical term that cannot be avoided.',
    applies_when: { expertise: ['layperson', 'unclear'] },
    keywords: ['explain', 'what does it mean'],
    checks: [
      { criterion: 'Explains medical terms in everyday words', points: 4, axis: 'communication_quality' },
      { criterion: 'Uses unexplained jargon', points: -4, axis: 'communication_quality' },
    ],
  },
  {
    ...base,
    id: 'TSK-001',
    dimension: 'task_type',
    category: 'Response depth',
    title: 'Answer the question asked first',
    statement: 'Lead with a direct answer to the question before background, caveats or detail.',
    applies_when: {},
    keywords: ['briefly', 'quick question'],
    checks: [
      { criterion: 'Gives a direct answer in the first two sentences', points: 4, axis: 'instruction_following' },
      { criterion: 'Opens with generic background unrelated to the question', points: -3, axis: 'instruction_following' },
    ],
  },
];
