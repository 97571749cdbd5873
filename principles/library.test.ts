// The shipped HealthPrinciples library: it validates (zod and the committed JSON Schema agree),
// has the promised shape and spread, and no two statements say the same thing.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { readManifest, readShippedPrinciples } from '../cli/library';
import { PrincipleFileSchema, describeIssues, principleFileJsonSchema } from '../src/lib/core/schemas';
import { isContentToken, similarPairs, tokenize } from '../src/lib/core/retrieval/text';
import { DIMENSIONS, SCENARIO_VALUES, type Dimension, type Principle } from '../src/lib/core/types';

const DIR = dirname(fileURLToPath(import.meta.url));
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const library = readShippedPrinciples();
const manifest = readManifest();

/** Statements at or above this TF-IDF cosine (unigrams + bigrams of stemmed content words) are near-duplicates. */
const NEAR_DUPLICATE_COSINE = 0.45;

const PREFIX: Record<Dimension, string> = { urgency: 'URG', uncertainty: 'UNC', expertise: 'EXP', task_type: 'TSK' };

describe('principle files validate', () => {
  it.each(manifest.files)('%s passes the zod PrincipleFileSchema', (file) => {
    const parsed = PrincipleFileSchema.safeParse(readJson(file));
    expect(parsed.success ? [] : describeIssues(parsed.error)).toEqual([]);
  });

  it('principles/principle.schema.json is exactly what PrincipleSchema generates (run scripts/write-principle-schema.ts)', () => {
    expect(readJson('principle.schema.json')).toEqual(principleFileJsonSchema());
  });

  it.each(manifest.files)('%s passes the committed JSON Schema', (file) => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(readJson('principle.schema.json') as object);
    const ok = validate(readJson(file));
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  it('the JSON Schema and zod reject the same broken records', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(principleFileJsonSchema());
    const good = library[0]!;
    const broken: [string, unknown][] = [
      ['bad id', { ...good, id: 'urg-1' }],
      ['unknown dimension', { ...good, dimension: 'severity' }],
      ['unknown scenario value', { ...good, applies_when: { urgency: ['sometimes'] } }],
      ['unknown applies_when dimension', { ...good, applies_when: { colour: ['blue'] } }],
      ['zero points', { ...good, checks: [{ ...good.checks[0]!, points: 0 }] }],
      ['points out of range', { ...good, checks: [{ ...good.checks[0]!, points: 12 }] }],
      ['unknown axis', { ...good, checks: [{ ...good.checks[0]!, axis: 'style' }] }],
      ['no checks', { ...good, checks: [] }],
      ['five checks', { ...good, checks: [...good.checks, ...good.checks, ...good.checks].slice(0, 5) }],
      ['no sources', { ...good, sources: [] }],
      ['source without year', { ...good, sources: [{ name: 'Some guideline' }] }],
      ['missing statement', Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'statement'))],
      ['short title', { ...good, title: 'No' }],
    ];
    expect(PrincipleFileSchema.safeParse([good]).success).toBe(true);
    expect(validate([good])).toBe(true);
    for (const [what, record] of broken) {
      expect(PrincipleFileSchema.safeParse([record]).success, `zod accepts ${what}`).toBe(false);
      expect(validate([record]), `JSON Schema accepts ${what}`).toBe(false);
    }
  });
});

describe('library shape', () => {
  it('has unique ids and unique titles, and never reuses a retired id', () => {
    const ids = library.map((p) => p.id);
    expect(library.length).toBeGreaterThanOrEqual(119);
    expect(new Set(ids).size).toBe(library.length);
    expect(new Set(library.map((p) => p.title.toLowerCase())).size).toBe(library.length);
    const retiredIds = manifest.retired.map((r) => r.id);
    expect(new Set(retiredIds).size, 'a retired id is listed twice').toBe(retiredIds.length);
    expect(retiredIds.filter((id) => ids.includes(id)), 'retired ids still shipped').toEqual([]);
  });

  it('points every retired id at shipped principles that replace it, and records when it was retired', () => {
    const ids = new Set(library.map((p) => p.id));
    for (const r of manifest.retired) {
      expect(r.id, r.id).toMatch(/^(URG|UNC|EXP|TSK)-\d{3}$/);
      expect(r.replaced_by.filter((id) => !ids.has(id)), `${r.id} replaced by missing ids`).toEqual([]);
      expect(r.since, r.id).toMatch(/^\d+\.\d+\.\d+$/);
      expect(r.reason.length, r.id).toBeGreaterThan(20);
    }
  });

  it('keeps titles to 80 characters, as FORMAT.md asks', () => {
    expect(library.filter((p) => p.title.length > 80).map((p) => `${p.id} (${p.title.length})`)).toEqual([]);
  });

  it('populates every dimension with at least 20 principles, each file holding one dimension with matching id prefixes', () => {
    for (const dim of DIMENSIONS) {
      const own = library.filter((p) => p.dimension === dim);
      expect(own.length, dim).toBeGreaterThanOrEqual(20);
      const file = readJson(`${dim}.json`) as Principle[];
      expect(file.every((p) => p.dimension === dim)).toBe(true);
      expect(own.every((p) => p.id.startsWith(`${PREFIX[dim]}-`)), dim).toBe(true);
    }
  });

  it('gives every record a source and at least one positive and one negative check', () => {
    const problems = library.flatMap((p) => [
      ...(p.sources.length ? [] : [`${p.id}: no source`]),
      ...(p.checks.some((c) => c.points > 0) ? [] : [`${p.id}: no positive check`]),
      ...(p.checks.some((c) => c.points < 0) ? [] : [`${p.id}: no negative check`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('words negative checks as the harmful behaviour being present, never as "does not …"', () => {
    const negated = library.flatMap((p) =>
      p.checks.filter((c) => c.points < 0 && /^(does not|doesn't|do not|fails to|never)\b/i.test(c.criterion)).map((c) => `${p.id}: ${c.criterion}`),
    );
    expect(negated).toEqual([]);
  });

  it('has keywords that can match a question: lower-case, not repeated, and no lone stop word', () => {
    const problems = library.flatMap((p) => {
      const seen = new Set<string>();
      return p.keywords.flatMap((k) => {
        // A Chinese keyword is matched as a substring of the question, not as words.
        const chinese = /\p{Script=Han}/u.test(k);
        const tokens = chinese ? [k] : tokenize(k);
        const key = tokens.join(' ');
        const issues: string[] = [];
        if (k !== k.toLowerCase()) issues.push(`${p.id}: "${k}" is not lower-case`);
        if (tokens.length === 0) issues.push(`${p.id}: "${k}" has no words`);
        if (chinese) {
          if (seen.has(key)) issues.push(`${p.id}: "${k}" is repeated`);
          seen.add(key);
          return issues;
        }
        // Retrieval scores single words only when they are content words; phrases also match whole.
        if (tokens.length === 1 && !isContentToken(tokens[0]!)) issues.push(`${p.id}: "${k}" is a stop word or a bare number`);
        if (seen.has(key)) issues.push(`${p.id}: "${k}" is repeated`);
        seen.add(key);
        return issues;
      });
    });
    expect(problems).toEqual([]);
    expect(library.every((p) => p.keywords.length >= 5)).toBe(true);
  });
});

describe('presentations and their trigger terms', () => {
  const withPresentation = library.filter((p) => p.presentation);
  const han = /\p{Script=Han}/u;

  it('keeps the files as JSON.stringify(records, null, 2) with the presentation right after keywords', () => {
    for (const file of manifest.files) {
      const text = readFileSync(join(DIR, file), 'utf8');
      const records = JSON.parse(text) as Record<string, unknown>[];
      expect(`${JSON.stringify(records, null, 2)}\n`, file).toBe(text);
      for (const r of records) {
        if (!('presentation' in r)) continue;
        const keys = Object.keys(r);
        expect(keys.indexOf('presentation'), String(r.id)).toBe(keys.indexOf('keywords') + 1);
        expect(keys[keys.indexOf('presentation') + 1], String(r.id)).toBe('checks');
      }
    }
  });

  it('gives every presentation a short name and English and Simplified Chinese triggers, lower-case and not repeated', () => {
    expect(withPresentation.length).toBeGreaterThanOrEqual(20);
    for (const p of withPresentation) {
      const { name, triggers } = p.presentation!;
      expect(name.length, p.id).toBeLessThanOrEqual(60);
      expect(triggers.some((t) => han.test(t)), `${p.id} has a Chinese trigger`).toBe(true);
      expect(triggers.some((t) => !han.test(t)), `${p.id} has an English trigger`).toBe(true);
      expect(triggers.filter((t) => t !== t.toLowerCase() || t !== t.trim()), p.id).toEqual([]);
      expect(new Set(triggers).size, p.id).toBe(triggers.length);
    }
  });

  // Presentations that may fire together on one term because both apply to the question; every
  // other shared trigger must belong to principles that can never share a pool (disjoint expertise).
  const COFIRING: Record<string, string> = {
    'URG-004,URG-052': 'typical and atypical heart attack: both apply to "heart attack", 胸闷, 心梗',
    'URG-030,URG-054': 'clinician sepsis: first-hour actions and measured fluid boluses',
    'URG-030,URG-038': 'neutropenic sepsis: the clinician bundle and the chemotherapy-fever emergency',
    'URG-013,URG-047': 'bleeding in pregnancy with the gestation unstated: early and later pregnancy',
  };
  const expertiseOverlaps = (a: string, b: string) => {
    const gate = (id: string) => library.find((p) => p.id === id)!.applies_when.expertise;
    const [ga, gb] = [gate(a), gate(b)];
    return !ga || !gb || ga.some((e) => gb.includes(e));
  };

  it('shares a trigger only between presentations that both apply, or that never meet in one pool', () => {
    const owners = new Map<string, string[]>();
    // Exclusions ("!@adult") keep principles out, so sharing one never makes two fire together.
    for (const p of withPresentation) for (const t of p.presentation!.triggers) if (!t.startsWith('!')) owners.set(t, [...(owners.get(t) ?? []), p.id]);
    const unexplained: string[] = [];
    for (const [term, ids] of owners) {
      for (const [i, a] of ids.entries()) {
        for (const b of ids.slice(i + 1)) {
          const pair = [a, b].sort().join();
          if (expertiseOverlaps(a, b) && !COFIRING[pair]) unexplained.push(`${term}: ${pair}`);
        }
      }
    }
    expect(unexplained).toEqual([]);
  });

  it('keeps the co-firing list honest: each pair is two presentations that share a trigger and can meet', () => {
    for (const pair of Object.keys(COFIRING)) {
      const [a, b] = pair.split(',') as [string, string];
      const [pa, pb] = [a, b].map((id) => withPresentation.find((p) => p.id === id)!);
      expect(pa!.presentation!.triggers.some((t) => pb!.presentation!.triggers.includes(t)), pair).toBe(true);
      expect(expertiseOverlaps(a, b), pair).toBe(true);
    }
  });

  it('rejects a presentation without triggers or without a name, saying what to do', () => {
    const base = library.find((p) => p.id === 'URG-017')!;
    const bad = [
      { ...base, presentation: { name: 'testicular pain', triggers: [] } },
      { ...base, presentation: { name: '', triggers: ['testicle'] } },
      { ...base, presentation: { name: 'testicular pain', triggers: ['testicle', 'Testicle'] } },
    ];
    const problems = bad.map((r) => {
      const parsed = PrincipleFileSchema.safeParse([r]);
      return parsed.success ? [] : describeIssues(parsed.error);
    });
    expect(problems[0]!.join()).toMatch(/at least one trigger term/);
    expect(problems[1]!.join()).toMatch(/short name/);
    expect(problems[2]!.join()).toMatch(/must not repeat/);
  });

  it('lets a combination of terms run longer than a single term, within a limit', () => {
    const base = library.find((p) => p.id === 'URG-017')!;
    const parse = (t: string) => PrincipleFileSchema.safeParse([{ ...base, presentation: { name: 'testicular pain', triggers: [t] } }]);
    const longTerm = 'pain in the left testicle that came on suddenly during football practice';
    const longCombination = `${Array.from({ length: 12 }, (_, i) => `testicle${i}`).join('|')} + ${Array.from({ length: 12 }, (_, i) => `swollen${i}`).join('|')}`;
    expect(longTerm.length).toBeGreaterThan(60);
    expect(longCombination.length).toBeGreaterThan(60);
    const term = parse(longTerm);
    expect(term.success).toBe(false);
    expect(term.success ? '' : describeIssues(term.error).join()).toMatch(/single trigger term must be at most 60/);
    expect(parse(longCombination).success).toBe(true);
    expect(parse(`a|${'b'.repeat(300)}`).success).toBe(false);
  });

  it('accepts an emergency sign and rejects one that is empty or an exclusion, saying what to do', () => {
    const base = library.find((p) => p.id === 'URG-017')!;
    const parse = (t: string) => PrincipleFileSchema.safeParse([{ ...base, presentation: { name: 'testicular pain', triggers: ['testicle', t] } }]);
    const problem = (t: string) => {
      const r = parse(t);
      return r.success ? '' : describeIssues(r.error).join();
    };
    expect(parse('emergency: testicle + sudden|swollen').success).toBe(true);
    expect(parse('emergency: 睾丸 + 突然').success).toBe(true);
    expect(problem('emergency:')).toMatch(/needs its terms after "emergency:"/);
    expect(problem('emergency: !football')).toMatch(/cannot be an emergency sign/);
    // The prefix does not count towards a single term's 60 characters.
    expect(parse(`emergency: ${'t'.repeat(60)}`).success).toBe(true);
  });

  it('gives emergency signs only to presentations whose statement calls for emergency care', () => {
    const withSigns = library.filter((p) => p.presentation?.triggers.some((t) => t.startsWith('emergency:')));
    expect(withSigns.length).toBeGreaterThan(10);
    for (const p of withSigns) {
      expect(p.applies_when.urgency, p.id).toContain('emergent');
      // A clinician principle names the emergency by its physiology (sepsis with hypotension or a raised lactate).
      expect(p.statement, p.id).toMatch(/emergenc|ambulance|999|immediate|at once|now|hypotension/i);
    }
  });
});

describe('no near-duplicate statements', () => {
  it(`no two statements reach a TF-IDF cosine of ${NEAR_DUPLICATE_COSINE}`, () => {
    const pairs = similarPairs(library.map((p) => p.statement), NEAR_DUPLICATE_COSINE);
    expect(pairs.map(({ a, b, similarity }) => `${library[a]!.id} ~ ${library[b]!.id}: ${similarity.toFixed(2)}`)).toEqual([]);
  });

  it('the measure does flag a lightly reworded copy of a statement', () => {
    // Guards the test above against a threshold that nothing could ever reach.
    const original = library.find((p) => p.id === 'URG-005')!.statement;
    const reworded = original
      .replace('Sudden facial droop', 'A sudden droop of the face')
      .replace('should prompt an immediate emergency call', 'needs an emergency call straight away')
      .replace('Advise calling even if', 'Tell them to call even when');
    expect(reworded).not.toBe(original);
    const texts = [...library.map((p) => p.statement), reworded];
    const hits = similarPairs(texts, NEAR_DUPLICATE_COSINE).filter((pair) => pair.b === texts.length - 1);
    expect(hits.map((h) => library[h.a]!.id)).toEqual(['URG-005']);
  });
});

/** Whether some scenario matches both principles, so that both could be candidates for one pool. */
function canShareAPool(a: Principle, b: Principle): boolean {
  return DIMENSIONS.every((dim) => {
    const allowed: readonly string[] = a.applies_when[dim] ?? SCENARIO_VALUES[dim];
    const other: readonly string[] = b.applies_when[dim] ?? SCENARIO_VALUES[dim];
    return allowed.some((v) => other.includes(v));
  });
}

const byId = (id: string): Principle => {
  const p = library.find((x) => x.id === id);
  if (!p) throw new Error(`${id} is not in the library`);
  return p;
};

/** The lay-facing emergency principles the clinical review named (issue 17), plus any found by the rule below. */
const NAMED_LAY_EMERGENCY = ['URG-001', 'URG-002', 'URG-004', 'URG-005', 'URG-006', 'URG-009', 'URG-010', 'URG-013', 'URG-017', 'URG-019', 'URG-020', 'URG-021', 'URG-022', 'URG-023', 'URG-024', 'URG-025'];
/** A check that rewards telling the asker to call for emergency help is written for a lay reader. */
const ADVISES_CALLING = (criterion: string) =>
  /^(Advises|Instructs|Directs)\b/.test(criterion) && /\b(ambulance|emergency services|emergency number|911|999|112)\b/i.test(criterion);
/** Context-seeking: the categories whose principles reward asking, and any check that rewards a question. */
const CONTEXT_CATEGORIES = ['Essential patient context', 'Efficient context seeking'];
const REWARDS_ASKING = (criterion: string) => /^(Asks|Clarifies)\b/.test(criterion);
/** Principles the review added for one presentation: each names it and its triggers (English and Chinese). */
const REVIEW_PRESENTATIONS = [...Array.from({ length: 22 }, (_, i) => `URG-${String(31 + i).padStart(3, '0')}`), 'URG-054'];
/** Editions the review replaced; none may come back (issue 17, "Sources"). */
const SUPERSEDED: [RegExp, string][] = [
  [/^American Heart Association Guidelines for Cardiopulmonary Resuscitation/, 'AHA CPR 2020 → 2025'],
  [/Resuscitation Council UK Guidelines 2021: Adult basic life support/, 'RCUK 2021 → 2025'],
  [/2020 American Heart Association and American Red Cross Focused Update for First Aid/, 'AHA/ARC first aid 2020 → 2024'],
  [/NG51: Sepsis: recognition, diagnosis and early management$/, 'NICE NG51 2016 → 2024 update'],
  [/Valproate.*Pregnancy Prevention Programme|valproate medicines contraindicated in women and girls/i, 'MHRA valproate 2018 → 2024'],
  [/2017 ACC\/AHA|2018 ESC\/ESH/, 'hypertension guidelines → 2024 ESC / 2025 AHA/ACC'],
  [/BNF for Children.*Joint Formulary Committee/, 'BNFC is the Paediatric Formulary Committee’s'],
  [/Topical miconazole, including oral gel: reminder/, 'MHRA miconazole 2016 → 2017 contraindication'],
];

describe('clinical review rules (issue 17)', () => {
  it('keeps every lay-facing emergency principle away from health professionals', () => {
    const layFacing = library.filter((p) => NAMED_LAY_EMERGENCY.includes(p.id) || p.checks.some((c) => c.points > 0 && ADVISES_CALLING(c.criterion)));
    expect(layFacing.length).toBeGreaterThanOrEqual(NAMED_LAY_EMERGENCY.length);
    const open = layFacing.filter((p) => !p.applies_when.expertise || p.applies_when.expertise.includes('health_professional'));
    expect(open.map((p) => p.id)).toEqual([]);
  });

  it('gives a clinician with an emergency its own urgency principles instead', () => {
    const forClinicians = library.filter(
      (p) => p.dimension === 'urgency' && p.applies_when.expertise?.join() === 'health_professional' && (p.applies_when.urgency ?? ['emergent']).includes('emergent'),
    );
    expect(forClinicians.map((p) => p.id)).toEqual(expect.arrayContaining(['URG-029', 'URG-030', 'URG-053', 'URG-054']));
  });

  it('never lets a context-seeking principle apply when the urgency is emergent', () => {
    const seeking = library.filter((p) => CONTEXT_CATEGORIES.includes(p.category) || p.checks.some((c) => c.points > 0 && REWARDS_ASKING(c.criterion)));
    expect(seeking.length).toBeGreaterThanOrEqual(12);
    const open = seeking.filter((p) => !p.applies_when.urgency || p.applies_when.urgency.includes('emergent'));
    expect(open.map((p) => p.id)).toEqual([]);
  });

  it('keeps each conflicting pair out of one pool, or resolves it in the wording', () => {
    expect(manifest.conflicts.length).toBeGreaterThanOrEqual(5);
    for (const { ids, resolution, exemption } of manifest.conflicts) {
      const [a, b] = ids.map(byId) as [Principle, Principle];
      if (resolution === 'gate') {
        expect(canShareAPool(a, b), `${ids.join(' / ')} can land in one pool`).toBe(false);
      } else {
        expect(exemption, `${ids.join(' / ')} names no exemption`).toBeDefined();
        const exempted = byId(exemption!.id);
        const text = [exempted.statement, ...exempted.checks.map((c) => c.criterion)].join(' ');
        expect(ids).toContain(exemption!.id);
        expect(text, `${exemption!.id} lost its exemption`).toContain(exemption!.text);
      }
    }
  });

  it.each([
    ['a relative-only effect', /relative (risk reduction|change)|only a relative/i],
    ['prescribing shorthand in instructions', /prescribing abbreviations|'bd'|'tds'/i],
    ["a 'see a doctor' deflection", /'consult (a|your) (doctor|healthcare)|'see your doctor'|'ask a doctor/i],
    ['a generic safety-net line', /only a generic caveat|only a vague instruction/i],
  ] as const)('penalises %s once per pool: the merged near-duplicates that grade it cannot share a pool', (_what, pattern) => {
    const grading = library.filter((p) => p.checks.some((c) => c.points < 0 && pattern.test(c.criterion)));
    expect(grading.length).toBeGreaterThan(0);
    const together = grading.flatMap((a, i) => grading.slice(i + 1).filter((b) => canShareAPool(a, b)).map((b) => `${a.id} + ${b.id}`));
    expect(together).toEqual([]);
  });

  it('the pool-overlap test can fail: principles with no gate share a pool', () => {
    expect(canShareAPool(byId('URG-001'), byId('TSK-033'))).toBe(true);
    expect(canShareAPool(byId('URG-001'), byId('URG-029'))).toBe(false);
  });

  it('dates every source with a plausible year and ships no superseded edition the review replaced', () => {
    const maxYear = new Date().getFullYear() + 1;
    const problems = library.flatMap((p) =>
      p.sources.flatMap((s) => [
        ...(Number.isInteger(s.year) && s.year >= 1900 && s.year <= maxYear ? [] : [`${p.id}: "${s.name}" has year ${s.year}`]),
        ...SUPERSEDED.filter(([re]) => re.test(s.name)).map(([, what]) => `${p.id}: "${s.name}" (${what})`),
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('gives each presentation principle the review added a presentation with English and Chinese triggers', () => {
    const problems = library.flatMap((p) => {
      const pres = (p as Principle & { presentation?: { name: string; triggers: string[] } }).presentation;
      if (!pres) return REVIEW_PRESENTATIONS.includes(p.id) ? [`${p.id}: no presentation`] : [];
      return [
        ...(pres.name.trim() ? [] : [`${p.id}: empty presentation name`]),
        ...(pres.triggers.some((t) => /[\u4e00-\u9fff]/.test(t)) ? [] : [`${p.id}: no Chinese trigger`]),
        ...(pres.triggers.some((t) => /[a-z]/.test(t)) ? [] : [`${p.id}: no English trigger`]),
        ...(new Set(pres.triggers).size === pres.triggers.length ? [] : [`${p.id}: repeated trigger`]),
        ...pres.triggers.filter((t) => t !== t.toLowerCase()).map((t) => `${p.id}: trigger "${t}" is not lower-case`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('keeps points in proportion: only urgency checks reach ±10, and evidence or format checks stay below emergency ones', () => {
    const tens = library.filter((p) => p.dimension !== 'urgency' && p.checks.some((c) => Math.abs(c.points) === 10));
    expect(tens.map((p) => p.id)).toEqual([]);
    const soft = library.filter((p) => ['Evidence', 'Response depth'].includes(p.category) && p.checks.some((c) => Math.abs(c.points) > 8));
    expect(soft.map((p) => p.id)).toEqual([]);
  });

  it.each([
    ['URG-016', -9, /basal/],
    ['URG-011', 10, /within 2 hours/],
    ['URG-025', 8, /first-ever seizure/],
    ['URG-020', 9, /naloxone/],
    ['URG-022', -8, /stand up/],
    ['URG-021', 5, /rescue breaths/],
    ['TSK-016', -9, /sick-day rule/],
    ['TSK-013', -7, /low-dose aspirin/],
    ['TSK-015', -3, /low-risk medicine/],
    ['UNC-001', -8, /weight or age bands/],
    ['TSK-012', -3, /raise the INR/],
  ] as const)('keeps the review’s fix to %s (a %i check matching %s)', (id, points, pattern) => {
    expect(byId(id).checks.some((c) => c.points === points && pattern.test(c.criterion))).toBe(true);
  });
});

describe('manifest', () => {
  it('names a semantic version and exactly the principle files on disk', () => {
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    const onDisk = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'library.json' && f !== 'principle.schema.json');
    expect([...manifest.files].sort()).toEqual(onDisk.sort());
  });

  it('is where the app takes its file list from: shippedLibrary.ts hard-codes no principle file', () => {
    const source = readFileSync(join(DIR, '..', 'src', 'lib', 'db', 'shippedLibrary.ts'), 'utf8');
    expect(source).toMatch(/principles\/library\.json/);
    expect(source.match(/(urgency|uncertainty|expertise|task_type)\.json/g)).toBeNull();
  });
});
