// Validating principles: one edited record, or a whole imported file. An import is checked whole:
// every bad record is reported by position, and a file with any problem is rejected, so importing
// never half-applies. Kept apart from principleFile.ts so the schema library loads only on demand.

import type { z } from 'zod';
import { OWN_ID_PREFIX, type PrincipleWithSwitch } from './principleFile';
import { PrincipleSchema } from '../schemas';
import type { Principle } from '../types';

export type ParsedImport = { ok: true; records: PrincipleWithSwitch[] } | { ok: false; problems: string[] };

/** Validates one principle (e.g. from the edit form); problems are worded for the user. */
export function validatePrinciple(candidate: unknown): { ok: true; value: Principle } | { ok: false; problems: string[] } {
  const parsed = PrincipleSchema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data as Principle } : { ok: false, problems: describePrincipleIssues(parsed.error) };
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

/** Zod issues of a principle in words, counting list items from 1 ("checks #2 points: points must not be 0"). */
export function describePrincipleIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map((part) => (typeof part === 'number' ? `#${part + 1}` : String(part).replace(/_/g, ' '))).join(' ');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
