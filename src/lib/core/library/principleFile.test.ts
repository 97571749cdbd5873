import { describe, expect, it } from 'vitest';
import { FIXTURE_PRINCIPLES } from '../../../../tests/support/fixturePrinciples';
import { exportPrincipleFile, nextOwnId, samePrincipleContent } from './principleFile';
import { parsePrincipleFile } from './principleImport';
import { PrincipleFileSchema } from '../schemas';

const known = new Set(FIXTURE_PRINCIPLES.map((p) => p.id));

describe('exportPrincipleFile / parsePrincipleFile', () => {
  it('round-trips a library with its switches, and the export is a valid principle file', () => {
    const withSwitches = FIXTURE_PRINCIPLES.map((p, i) => ({ ...p, enabled: i !== 1 }));
    const text = exportPrincipleFile(withSwitches);
    expect(PrincipleFileSchema.safeParse(JSON.parse(text)).success).toBe(true);
    const parsed = parsePrincipleFile(text, known);
    expect(parsed).toEqual({ ok: true, records: withSwitches });
  });

  it('reports every bad record by position and id, and accepts none of the file', () => {
    const [a, b, c] = FIXTURE_PRINCIPLES;
    const file = [
      a,
      { ...b, checks: [{ ...b!.checks[0]!, points: 0 }], dimension: 'severity' },
      c,
      { ...c, title: 'Duplicate of record 3' },
      { title: 'no id at all' },
      { ...a, id: 'URG-999' },
    ];
    const parsed = parsePrincipleFile(JSON.stringify(file), known);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byRecord = (n: number) => parsed.problems.filter((p) => p.startsWith(`Record ${n}`));
    expect(byRecord(1)).toEqual([]);
    expect(byRecord(2).join('\n')).toMatch(/Record 2 \(URG-002\): dimension: /);
    expect(byRecord(2).join('\n')).toMatch(/Record 2 \(URG-002\): checks #1 points: points must not be 0/);
    expect(byRecord(4)).toEqual([`Record 4 (${c!.id}): the same id as record 3; each id may appear once.`]);
    expect(byRecord(5).length).toBeGreaterThan(1);
    expect(byRecord(5)[0]).toMatch(/^Record 5: id: /);
    expect(byRecord(6)[0]).toMatch(/^Record 6 \(URG-999\): no principle in the library has this id; a principle of your own needs an id starting with USR-/);
  });

  it('accepts new principles of the user’s own with USR- ids', () => {
    const mine = { ...FIXTURE_PRINCIPLES[0]!, id: 'USR-001', title: 'Mine' };
    expect(parsePrincipleFile(JSON.stringify([mine]), known)).toEqual({ ok: true, records: [mine] });
  });

  it('explains a file that is not JSON, not an array, or empty', () => {
    const problems = (text: string) => {
      const r = parsePrincipleFile(text, known);
      return r.ok ? [] : r.problems;
    };
    expect(problems('{ not json')[0]).toMatch(/^The file is not valid JSON/);
    expect(problems('{"principles": []}')).toEqual(['The file must hold a JSON array of principles, like an exported ClinRevise library.']);
    expect(problems('[]')).toEqual(['The file holds no principles.']);
  });
});

describe('nextOwnId', () => {
  it('numbers the user’s own principles after the highest so far', () => {
    expect(nextOwnId(['URG-001'])).toBe('USR-001');
    expect(nextOwnId(['USR-001', 'USR-009', 'USR-mine', 'URG-030'])).toBe('USR-010');
  });
});

describe('samePrincipleContent', () => {
  it('ignores the order of applies_when keys but not a changed word', () => {
    const p = { ...FIXTURE_PRINCIPLES[0]!, applies_when: { urgency: ['emergent' as const], expertise: ['layperson' as const] } };
    const reordered = { ...p, applies_when: { expertise: ['layperson' as const], urgency: ['emergent' as const] } };
    expect(samePrincipleContent(p, reordered)).toBe(true);
    expect(samePrincipleContent(p, { ...p, title: `${p.title}!` })).toBe(false);
  });
});
