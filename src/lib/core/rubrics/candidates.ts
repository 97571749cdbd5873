// Distilling principles from verified rubrics (the paper's second stage): items a clinician added or
// that cite no principle are grouped by word overlap — deterministic, no model — and each group of two
// or more becomes a candidate principle with a title and statement taken from the group's own text.

import { z } from 'zod';
import type { ChatEngine } from '../chat';
import { latestQuestion } from '../conversation';
import { sameCriterion } from '../rubric/rubric';
import { requestStructured } from '../structured/structured';
import { contentTerms, isContentToken, stem, tokenize } from '../retrieval/text';
import type { Axis, Principle } from '../types';
import type { RubricReview } from './review';

/** One rubric item offered as evidence for a candidate principle. */
export interface CandidateItem {
  reviewId: string;
  /** The question of the rubric it came from (a principle must recur across questions). */
  question: string;
  key: string;
  criterion: string;
  points: number;
  axis: Axis;
}

/** A group of similar items proposed as a new principle. */
export interface CandidatePrinciple {
  /** Stable while the group holds the same items (hash of their review ids and keys). */
  id: string;
  title: string;
  statement: string;
  keywords: string[];
  items: CandidateItem[];
  /** The verified rubrics the items came from, in order. */
  reviewIds: string[];
}

/** Where a principle accepted from a candidate came from, kept beside the library. */
export interface PrincipleProvenance {
  principleId: string;
  candidateId: string;
  reviewIds: string[];
  items: CandidateItem[];
  acceptedAt: number;
}

/** Least word overlap (Jaccard on stemmed content words) for two items to join one group. */
export const GROUP_SIMILARITY = 0.4;

/** Items of verified rubrics that a clinician added, or that cite no principle. */
export function candidateItems(reviews: readonly RubricReview[]): CandidateItem[] {
  return reviews
    .filter((r) => r.verified)
    .flatMap((r) => {
      const question = latestQuestion(r.prompt).trim();
      return r.verified!.items
        .filter((i) => i.origin === 'clinician' || i.principle_id === null)
        .map((i) => ({ reviewId: r.id, question, key: i.key, criterion: i.criterion, points: i.points, axis: i.axis }));
    })
    .sort((a, b) => (a.reviewId < b.reviewId ? -1 : a.reviewId > b.reviewId ? 1 : a.key.localeCompare(b.key, 'en', { numeric: true })));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** FNV-1a, for short stable ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** A criterion cut to a title: before any "such as…" list or bracket, at most 100 characters. */
function titleFrom(criterion: string): string {
  const cut = criterion.trim().replace(/\s*(\(|,?\s+(such as|for example|e\.g\.|including)\b).*$/i, '').replace(/[.;:]+$/, '');
  return cut.length <= 100 ? cut : `${cut.slice(0, 99).replace(/\s+\S*$/, '')}…`;
}

/**
 * Groups the items by similarity (single linkage at GROUP_SIMILARITY, in a fixed order, so the same
 * items always give the same groups) and proposes each group of two or more as a principle — when its
 * items come from at least two different questions: a check that recurs only for one question (the
 * same question reviewed twice) is question-specific, not a reusable principle.
 */
export function groupCandidates(items: readonly CandidateItem[], threshold = GROUP_SIMILARITY): CandidatePrinciple[] {
  const terms = items.map((i) => new Set(contentTerms(i.criterion)));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const sim: number[][] = items.map(() => items.map(() => 0));
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      sim[a]![b] = sim[b]![a] = jaccard(terms[a]!, terms[b]!);
      if (sim[a]![b]! >= threshold) parent[Math.max(root(a), root(b))] = Math.min(root(a), root(b));
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  return [...groups.values()]
    .filter((members) => members.length >= 2 && new Set(members.map((i) => items[i]!.question.toLowerCase())).size >= 2)
    .map((members) => {
      // The most central item (positive ones first) speaks for the group.
      const centrality = (i: number) => members.reduce((s, j) => s + (j === i ? 0 : sim[i]![j]!), 0);
      const pool = members.some((i) => items[i]!.points > 0) ? members.filter((i) => items[i]!.points > 0) : members;
      const centre = pool.reduce((best, i) => (centrality(i) > centrality(best) ? i : best), pool[0]!);
      const lead = items[centre]!;
      const criterion = lead.criterion.trim().replace(/[.;]+$/, '');
      const statement = lead.points > 0 ? `A good answer ${lowerFirst(criterion)}.` : `A good answer avoids this: ${lowerFirst(criterion)}.`;
      const groupItems = members.map((i) => items[i]!);
      return {
        id: `cand-${hash(groupItems.map((i) => `${i.reviewId}/${i.key}`).join('|'))}`,
        title: titleFrom(criterion),
        statement,
        keywords: sharedWords(groupItems),
        items: groupItems,
        reviewIds: [...new Set(groupItems.map((i) => i.reviewId))],
      };
    });
}

/** Content words (as written) whose stem appears in at least two of the items, most common first, at most 6. */
function sharedWords(items: readonly CandidateItem[]): string[] {
  const counts = new Map<string, { word: string; n: number }>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const word of tokenize(item.criterion).filter(isContentToken)) {
      const s = stem(word);
      if (seen.has(s)) continue;
      seen.add(s);
      const entry = counts.get(s) ?? { word, n: 0 };
      entry.n++;
      counts.set(s, entry);
    }
  }
  return [...counts.values()].filter((c) => c.n >= 2).sort((a, b) => b.n - a.n).slice(0, 6).map((c) => c.word);
}

/** The candidate as a new principle for the editor to open: the clinician completes and saves it. */
export function principleFromCandidate(candidate: CandidatePrinciple, id: string, year: number): Principle {
  const checks: Principle['checks'] = [];
  for (const item of candidate.items) {
    if (checks.length < 4 && !checks.some((c) => sameCriterion(c.criterion, item.criterion))) checks.push({ criterion: item.criterion, points: item.points, axis: item.axis });
  }
  const rubrics = candidate.reviewIds.length;
  return {
    id,
    dimension: 'task_type',
    category: 'Clinician-added checks',
    title: candidate.title,
    statement: candidate.statement,
    rationale: `Distilled from ${candidate.items.length} items clinicians added or left without a principle in ${rubrics} verified rubric${rubrics === 1 ? '' : 's'}.`,
    applies_when: {},
    keywords: candidate.keywords,
    checks,
    sources: [{ name: 'Clinician-verified rubrics (ClinRevise HealthRubrics)', year }],
  };
}

const RephraseSchema = z.object({
  title: z.string().trim().min(3).max(120),
  statement: z.string().trim().min(20).max(400),
});

/** Asks the loaded model for a better title and statement for the candidate (optional polish). */
export async function rephraseCandidate(engine: ChatEngine, candidate: CandidatePrinciple, signal?: AbortSignal): Promise<{ title: string; statement: string }> {
  const checks = candidate.items.map((i) => `- (${i.points > 0 ? '+' : ''}${i.points}) ${i.criterion}`).join('\n');
  const { value } = await requestStructured(
    engine,
    [
      { role: 'system', content: 'You name clinical principles. Given rubric checks that clinicians wrote for different health questions, write the one reusable principle they share: a short title (at most 12 words) and a statement of 1–2 sentences saying what a good answer does. Reply with JSON only: {"title":"…","statement":"…"}.' },
      { role: 'user', content: `Checks:\n${checks}\n\nDraft title: ${candidate.title}\nDraft statement: ${candidate.statement}` },
    ],
    { what: 'principle wording', name: 'principle_wording', schema: RephraseSchema, maxTokens: 160, signal },
  );
  return value;
}
