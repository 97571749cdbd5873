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
import { DIMENSIONS, type Dimension, type Principle } from '../src/lib/core/types';

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
  it('has 119 records with unique ids and unique titles', () => {
    expect(library).toHaveLength(119);
    expect(new Set(library.map((p) => p.id)).size).toBe(119);
    expect(new Set(library.map((p) => p.title.toLowerCase())).size).toBe(119);
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
        const tokens = tokenize(k);
        const key = tokens.join(' ');
        const issues: string[] = [];
        if (k !== k.toLowerCase()) issues.push(`${p.id}: "${k}" is not lower-case`);
        if (tokens.length === 0) issues.push(`${p.id}: "${k}" has no words`);
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

  it('shares a trigger between two presentations only for the lay and the clinician sepsis principles', () => {
    const owners = new Map<string, string[]>();
    for (const p of withPresentation) for (const t of p.presentation!.triggers) owners.set(t, [...(owners.get(t) ?? []), p.id]);
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared.filter(([, ids]) => ids.join() !== 'URG-009,URG-030')).toEqual([]);
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

describe('manifest', () => {
  it('names a semantic version and exactly the principle files on disk', () => {
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    const onDisk = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'library.json' && f !== 'principle.schema.json');
    expect([...manifest.files].sort()).toEqual(onDisk.sort());
  });

  it('lists the same files, in the same order, that the app bundles in shippedLibrary.ts', () => {
    const source = readFileSync(join(DIR, '..', 'src', 'lib', 'db', 'shippedLibrary.ts'), 'utf8');
    const imported = [...source.matchAll(/import\(\s*'\.\.\/\.\.\/\.\.\/principles\/([^']+\.json)'\s*\)/g)].map((m) => m[1]);
    expect(imported).toEqual(manifest.files);
  });
});
