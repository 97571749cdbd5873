// Principle pool selection: which principles apply to this question, ranked, within a size budget,
// each with the reason it was chosen. Deterministic; disabled principles are never selected.

import { DIMENSIONS, type Dimension, type PoolEntry, type Principle, type Scenario } from './types';

/** A principle as the library holds it: the record plus whether the user has it switched on. */
export type PoolCandidate = Principle & { enabled?: boolean };

export interface PoolOptions {
  /** Maximum pool size (default 12). */
  maxSize?: number;
  /** How many principles of each dimension to keep before filling by score (default 2). */
  perDimensionFloor?: number;
}

/** The scenario values a principle's applies_when matches, or null if it excludes this scenario. */
function scenarioMatch(p: Principle, scenario: Scenario): string[] | null {
  const matched: string[] = [];
  for (const dim of DIMENSIONS) {
    const allowed = p.applies_when[dim] as readonly string[] | undefined;
    if (!allowed) continue;
    if (!allowed.includes(scenario[dim])) return null;
    matched.push(`${dim}=${scenario[dim]}`);
  }
  return matched;
}

/** Keywords of the principle that occur in the question (whole-word, case-insensitive). */
function matchedTerms(p: Principle, questionLower: string): string[] {
  return p.keywords.filter((k) => {
    const kw = k.toLowerCase();
    const at = questionLower.indexOf(kw);
    if (at === -1) return false;
    const before = questionLower[at - 1];
    const after = questionLower[at + kw.length];
    return (!before || !/[a-z0-9]/.test(before)) && (!after || !/[a-z0-9]/.test(after));
  });
}

/** Ranks the enabled principles that apply to the scenario and question, keeping every dimension represented. */
export function selectPrinciplePool(
  scenario: Scenario,
  question: string,
  principles: readonly PoolCandidate[],
  options: PoolOptions = {},
): PoolEntry[] {
  const maxSize = options.maxSize ?? 12;
  const floor = options.perDimensionFloor ?? 2;
  const q = question.toLowerCase();
  const scored: PoolEntry[] = [];
  for (const p of principles) {
    if (p.enabled === false) continue;
    const dims = scenarioMatch(p, scenario);
    if (!dims) continue;
    const terms = matchedTerms(p, q);
    const score = dims.length * 2 + terms.length + (dims.length === 0 ? 0.5 : 0);
    const reasons = [
      dims.length ? `matches ${dims.join(', ')}` : 'applies to every question',
      ...(terms.length ? [`mentions ${terms.map((t) => `"${t}"`).join(', ')}`] : []),
    ];
    scored.push({ id: p.id, dimension: p.dimension, title: p.title, reason: reasons.join('; '), score });
  }
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const chosen = new Set<PoolEntry>();
  const perDim = new Map<Dimension, number>();
  for (const entry of scored) {
    if (chosen.size >= maxSize) break;
    const n = perDim.get(entry.dimension) ?? 0;
    if (n < floor) {
      chosen.add(entry);
      perDim.set(entry.dimension, n + 1);
    }
  }
  for (const entry of scored) {
    if (chosen.size >= maxSize) break;
    chosen.add(entry);
  }
  return scored.filter((e) => chosen.has(e));
}
