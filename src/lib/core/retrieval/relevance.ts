// Scoring principle pools against a labelled relevance set (tests/fixtures/relevance-labels.json):
// the share of pools with no stray presentation-specific principle and the share of must-have
// principles found. Used by the unit test that holds retrieval to its floors and by the bench.

import type { PoolEntry, Scenario } from '../types';

/** One labelled question: what must be in its pool and which presentation principles may be. */
export interface RelevanceQuestion {
  question: string;
  lang: string;
  must: string[];
  allowed: string[];
}

export interface RelevanceScore {
  n: number;
  /** Share of pools holding no presentation-specific principle outside `allowed`. */
  cleanShare: number;
  /** Share of must-have principles (over all questions) found in their pools. */
  mustRecall: number;
  /** Questions with a stray principle, and which. */
  strays: { question: string; ids: string[] }[];
  /** Must-have principles not found, per question. */
  missing: { question: string; ids: string[]; scenario: Scenario }[];
}

/**
 * Selects a pool for every labelled question (scenario from `classify`) and scores it. Which
 * principles count as presentation-specific comes from the labels (`presentationIds`), not from the
 * library under test, so dropping a principle's triggers cannot hide a stray.
 */
export function poolRelevance(
  rows: readonly RelevanceQuestion[],
  presentationIds: readonly string[],
  classify: (question: string) => Scenario,
  select: (scenario: Scenario, question: string) => PoolEntry[],
): RelevanceScore {
  const presentation = new Set(presentationIds);
  let clean = 0;
  let mustTotal = 0;
  let mustFound = 0;
  const strays: RelevanceScore['strays'] = [];
  const missing: RelevanceScore['missing'] = [];
  for (const row of rows) {
    const scenario = classify(row.question);
    const ids = new Set(select(scenario, row.question).map((e) => e.id));
    const stray = [...ids].filter((id) => presentation.has(id) && !row.allowed.includes(id));
    if (stray.length) strays.push({ question: row.question, ids: stray });
    else clean++;
    const lost = row.must.filter((id) => !ids.has(id));
    mustTotal += row.must.length;
    mustFound += row.must.length - lost.length;
    if (lost.length) missing.push({ question: row.question, ids: lost, scenario });
  }
  const n = rows.length;
  return { n, cleanShare: n ? clean / n : 0, mustRecall: mustTotal ? mustFound / mustTotal : 1, strays, missing };
}
