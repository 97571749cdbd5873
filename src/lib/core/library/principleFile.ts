// Writing a principle library as a JSON file (the format of principles/*.json, plus the user's
// enabled switch), own-principle ids and content comparison. Validation lives in principleImport.ts,
// which carries the schema library and is loaded only when something is validated.

import { DIMENSIONS, type Principle } from '../types';

/** A principle as exported and imported: the record and whether it is switched on. */
export type PrincipleWithSwitch = Principle & { enabled?: boolean };

/** Ids of the user's own principles start with this; shipped ids are URG/UNC/EXP/TSK-nnn. */
export const OWN_ID_PREFIX = 'USR-';

/** The library as a JSON file: an array of principle records with their switches, stable key order. */
export function exportPrincipleFile(principles: readonly PrincipleWithSwitch[]): string {
  const records = principles.map((p) => ({
    id: p.id,
    dimension: p.dimension,
    category: p.category,
    title: p.title,
    statement: p.statement,
    rationale: p.rationale,
    applies_when: p.applies_when,
    keywords: p.keywords,
    ...(p.presentation ? { presentation: p.presentation } : {}),
    checks: p.checks,
    sources: p.sources,
    enabled: p.enabled ?? true,
  }));
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** The next free id for a principle of the user's own: USR-001, USR-002, … */
export function nextOwnId(existingIds: Iterable<string>): string {
  let max = 0;
  for (const id of existingIds) {
    const m = /^USR-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${OWN_ID_PREFIX}${String(max + 1).padStart(3, '0')}`;
}

/** Whether two principles say the same thing (every field the library stores, switches aside). */
export function samePrincipleContent(a: Principle, b: Principle): boolean {
  const pick = (p: Principle) =>
    JSON.stringify([
      p.id,
      p.dimension,
      p.category,
      p.title,
      p.statement,
      p.rationale,
      DIMENSIONS.map((d) => p.applies_when[d] ?? null),
      p.keywords,
      p.presentation ? [p.presentation.name, p.presentation.triggers] : null,
      p.checks.map((c) => [c.criterion, c.points, c.axis]),
      p.sources.map((s) => [s.name, s.year]),
    ]);
  return pick(a) === pick(b);
}
