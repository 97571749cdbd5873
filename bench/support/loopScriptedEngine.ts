// The loop-cost benchmark's scripted model: replies of realistic length and shape for each step
// (a 10-item rubric in the compact tuple form, drawn from the principles in its prompt, 300–600-token answers, compact
// verdicts quoting the answer), deterministic per question. A test double: it measures the
// loop's token economy, never answer quality.

import type { ChatEngine, ChatMessage, ChatOptions, ChatResult } from '../../src/lib/core/chat';
import { seededRandom } from '../../src/lib/core/random';
import type { Tokenizer } from '../../src/lib/core/pipeline/tokens';
import { compactRubricItem } from '../../src/lib/core/rubric/rubricReply';
import { detectStep, rubricIdsInPrompt } from '../../tests/support/scriptedReplies';
import type { LoopQuestion } from './loopQuestions';

/** Sentences a clinical answer is padded out with; `{topic}` is replaced by the question's subject. */
const SENTENCES = [
  'The most important thing with {topic} is to act on the warning signs rather than wait for them to settle on their own.',
  'Many people in this situation worry that they are overreacting, but getting advice early is the safer choice.',
  'If anything changes quickly, or you feel much worse than you expected, treat that as a reason to get help sooner.',
  'Keep a short written note of when the problem started, what makes it better or worse, and any medicines taken.',
  'A clinician who can examine you will be able to check things that cannot be judged from a description alone.',
  'In most cases {topic} turns out to have a common and treatable cause, but the rarer serious causes need to be ruled out first.',
  'Drink enough fluids, rest when you need to, and avoid starting new medicines until someone has reviewed you.',
  'It helps to bring a list of your usual medicines, including anything bought over the counter and any supplements.',
  'Tell the clinician about any long-term conditions such as diabetes, heart or kidney disease, because they change the advice.',
  'If you are looking after someone else, stay with them and watch for changes in how alert they are.',
  'There is no need to panic, but it is sensible to take {topic} seriously and follow the steps above in order.',
  'Avoid alcohol and recreational drugs for now, as they can hide symptoms and interact with treatment.',
  'Written information from a reliable health service can help you remember what was said at the appointment.',
  'If you cannot reach your usual practice, out-of-hours services and pharmacists can advise on what to do next.',
  'Your age, pregnancy, other illnesses and the medicines you take can all change what is safest, so mention them.',
  'Follow-up matters: if things are not clearly improving within the time you were given, go back and say so.',
  'Try to describe {topic} in your own words, including how severe it is on a scale from one to ten.',
  'Ask the clinician what to expect over the next few days and which changes should bring you back sooner.',
  'Some of the advice online about {topic} is out of date or aimed at different situations, so check the source.',
  'It is reasonable to ask for an explanation of any test or treatment that is offered and what the alternatives are.',
  'Keep any appointments that are arranged, even if you start to feel better before then.',
  'If you have had something similar before, say what happened then and what treatment helped.',
  'Children, older people and anyone who is pregnant may need to be seen sooner for the same symptoms.',
  'If in doubt, it is always acceptable to seek urgent advice; nobody will mind that you checked.',
];

interface PoolCheck {
  /** The principle's number in the prompt's list, which is how the compact form refers to it. */
  principleId: string;
  positive: { criterion: string; points: number } | undefined;
}

/** The principles listed in a rubric prompt (by their number in the list), with their positive example item. */
function principlesInPrompt(prompt: string): PoolCheck[] {
  return [...prompt.matchAll(/^(\d+)\. .*Example items?: (.*)$/gm)].map((m) => {
    const checks = m[2]!.split('; ').map((c) => {
      const parsed = /^\(([+-]?\d+)\) (.*)$/.exec(c);
      return { points: Number(parsed?.[1] ?? 0), criterion: parsed?.[2] ?? c };
    });
    return { principleId: m[1]!, positive: checks.find((c) => c.points > 0) };
  });
}

/** Scripted replies for one question's run; remembers its answers to grade them consistently. */
export class LoopScriptedEngine implements ChatEngine {
  readonly label = 'loop benchmark script (test double)';
  readonly contextWindow = null;
  readonly #question: LoopQuestion;
  readonly #tokenizer: Tokenizer;
  readonly #random: () => number;
  /** Answer text → which answer it was (0 = draft). */
  readonly #answers = new Map<string, number>();
  readonly #draftTokens: number;
  /** How many principles the rubric prompt listed (fewer than the pool when the window is tight). */
  principlesShown = 0;
  /** Positive item ids of the rubric this engine wrote, in order (a per-item call sees only one item). */
  #positiveIds: string[] = [];

  constructor(question: LoopQuestion, index: number, tokenizer: Tokenizer) {
    this.#question = question;
    this.#tokenizer = tokenizer;
    this.#random = seededRandom(1000 + index);
    this.#draftTokens = 300 + Math.floor(this.#random() * 240);
  }

  async chat(messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
    const text = this.#reply(messages, options);
    options.onToken?.(text);
    return { text, finishReason: 'stop', usage: { promptTokens: null, completionTokens: null } };
  }

  async dispose(): Promise<void> {}

  #reply(messages: ChatMessage[], options: ChatOptions): string {
    const q = this.#question;
    switch (detectStep(messages, options.schema?.name)) {
      case 'classify':
        return JSON.stringify(q.scenario);
      case 'rubric':
        return this.#rubric(messages[messages.length - 1]!.content);
      case 'draft':
      case 'revise':
        return this.#answer();
      case 'grade':
        return this.#batchedGrades(messages);
      case 'grade_item':
        return this.#itemGrade(messages[messages.length - 1]!.content);
      case 'hb_grade':
        throw new Error('The loop benchmark does not run HealthBench grading.');
    }
  }

  /** Ten items: the question's own, one from each of the first six listed principles, two negative. */
  #rubric(prompt: string): string {
    const q = this.#question;
    const pool = principlesInPrompt(prompt);
    this.principlesShown = pool.length;
    const items = [
      { criterion: q.specific[0]!, points: 9, axis: 'accuracy' as const, principle_id: null },
      { criterion: q.specific[1]!, points: 6, axis: 'completeness' as const, principle_id: null },
      ...pool
        .filter((p) => p.positive)
        .slice(0, 6)
        .map((p) => ({ criterion: `${p.positive!.criterion} (about ${q.topic})`, points: p.positive!.points, axis: 'completeness' as const, principle_id: p.principleId })),
      { criterion: q.harm, points: -8, axis: 'accuracy' as const, principle_id: null },
      { criterion: `Uses medical terms about ${q.topic} without explaining them`, points: -4, axis: 'communication_quality' as const, principle_id: null },
    ];
    // The pipeline numbers the items R1… in this order (they are distinct, so none is dropped).
    this.#positiveIds = items.flatMap((item, i) => (item.points > 0 ? [`R${i + 1}`] : []));
    const listed = pool.map((p) => p.principleId);
    return JSON.stringify({ items: items.map((item) => compactRubricItem(item, listed)) });
  }

  /** An answer of 300–600 tokens about the question's topic; revisions keep roughly the draft's length. */
  #answer(): string {
    const q = this.#question;
    const index = this.#answers.size;
    const target = index === 0 ? this.#draftTokens : Math.round(this.#draftTokens * (0.9 + this.#random() * 0.15));
    const parts = [`About ${q.topic}: ${q.specific[0]!.charAt(0).toLowerCase()}${q.specific[0]!.slice(1)}.`, `${q.specific[1]}.`];
    let text = parts.join(' ');
    while (this.#tokenizer.count(text) < target) {
      const sentence = SENTENCES[Math.floor(this.#random() * SENTENCES.length)]!.replaceAll('{topic}', q.topic);
      text += this.#random() < 0.25 ? `\n\n${sentence}` : ` ${sentence}`;
    }
    this.#answers.set(text, index);
    return text;
  }

  /** Whether the answer numbered `answer` meets the item: positives are missed from the end of the list. */
  #met(answer: number, id: string, points: number, positiveIds: readonly string[]): boolean {
    const q = this.#question;
    const unmet = q.trajectory[Math.min(answer, q.trajectory.length - 1)]!;
    if (points > 0) return positiveIds.indexOf(id) < positiveIds.length - unmet;
    return answer === 0 && q.harmInDraft && points === -8;
  }

  /** A few consecutive words of the answer, as a grader's evidence quote. */
  #quote(answer: string, words: number): string {
    const all = answer.split(/\s+/);
    const start = Math.floor(this.#random() * Math.max(1, all.length - words));
    return all.slice(start, start + words).join(' ').replace(/["\\]/g, '');
  }

  #answerIn(messages: readonly ChatMessage[]): [string, number] {
    for (let i = messages.length - 1; i >= 0; i--) {
      const n = this.#answers.get(messages[i]!.content);
      if (messages[i]!.role === 'assistant' && n !== undefined) return [messages[i]!.content, n];
    }
    throw new Error('no scripted answer in the grading thread');
  }

  #batchedGrades(messages: readonly ChatMessage[]): string {
    const [answer, n] = this.#answerIn(messages);
    const items = rubricIdsInPrompt(messages);
    const positives = items.filter((i) => i.points > 0).map((i) => i.id);
    const verdicts = items.map(({ id, points }) => {
      const met = this.#met(n, id, points, positives);
      return [id, met ? this.#quote(answer, 3 + Math.floor(this.#random() * 4)) : ''] as const;
    });
    // The form the grading prompt asks for: a quote when met, false when not.
    return JSON.stringify({ met: verdicts.map(([, quote]) => quote || false) });
  }

  #itemGrade(prompt: string): string {
    const answer = /\nAnswer:\n([\s\S]*)\n\nRubric item:\n/.exec(prompt)?.[1] ?? '';
    const n = this.#answers.get(answer);
    const item = /^(R\d+) \(([+-]?\d+)\)/m.exec(prompt.slice(prompt.lastIndexOf('Rubric item:')));
    if (n === undefined || !item) throw new Error('per-item grading prompt without a scripted answer or item');
    const met = this.#met(n, item[1]!, Number(item[2]), this.#positiveIds);
    return JSON.stringify({ met, evidence: met ? this.#quote(answer, 6 + Math.floor(this.#random() * 5)) : '' });
  }
}
