// Reading and writing a principle library as a JSON file (the format of principles/*.json, plus the
// user's enabled switch). An import is checked whole: every bad record is reported by position, and
// a file with any problem is rejected, so importing never half-applies.

import type { z } from 'zod';
import { PrincipleSchema } from './schemas';
import { DIMENSIONS, type Principle } from './types';

/** A principle as exported and imported: the record and whether it is switched on. */
export type PrincipleWithSwitch = Principle & { enabled?: boolean };

export type ParsedImport = { ok: true; records: PrincipleWithSwitch[] } | { ok: false; problems: string[] };

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
    checks: p.checks,
    sources: p.sources,
    enabled: p.enabled ?? true,
  }));
  return `${JSON.stringify(records, null, 2)}\n`;
}

/**
 * Parses and validates an import. `knownIds` are the ids already in the library: a record with one
 * of them replaces it; any other record is a new principle of the user's own and needs a USR- id.
 * Problems name the record by its position (1-based) and id, so the user can find it in the file.
 */
export function parsePrincipleFile(text: string, knownIds: ReadonlySet<string>): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`The file is not valid JSON (${(err as Error).message}).`] };
  }
  if (!Array.isArray(data)) {
    return { ok: false, problems: ['The file must hold a JSON array of principles, like an exported ClinRevise library.'] };
  }
  if (data.length === 0) return { ok: false, problems: ['The file holds no principles.'] };
  const problems: string[] = [];
  const records: PrincipleWithSwitch[] = [];
  const firstSeen = new Map<string, number>();
  data.forEach((raw: unknown, i) => {
    const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
    const label = `Record ${i + 1}${rawId ? ` (${rawId})` : ''}`;
    const parsed = PrincipleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of describePrincipleIssues(parsed.error)) problems.push(`${label}: ${issue}`);
      return;
    }
    const record = parsed.data as PrincipleWithSwitch;
    const earlier = firstSeen.get(record.id);
    if (earlier !== undefined) {
      problems.push(`${label}: the same id as record ${earlier + 1}; each id may appear once.`);
      return;
    }
    firstSeen.set(record.id, i);
    if (!knownIds.has(record.id) && !record.id.startsWith(OWN_ID_PREFIX)) {
      problems.push(`${label}: no principle in the library has this id; a principle of your own needs an id starting with ${OWN_ID_PREFIX}.`);
      return;
    }
    records.push(record);
  });
  return problems.length ? { ok: false, problems } : { ok: true, records };
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
      p.checks.map((c) => [c.criterion, c.points, c.axis]),
      p.sources.map((s) => [s.name, s.year]),
    ]);
  return pick(a) === pick(b);
}

/** Zod issues of a principle in words, counting list items from 1 ("checks #2 points: points must not be 0"). */
export function describePrincipleIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map((part) => (typeof part === 'number' ? `#${part + 1}` : String(part).replace(/_/g, ' '))).join(' ');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
