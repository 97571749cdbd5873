import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { clinicianItem, verifiedReview } from '../../../../tests/support/rubricFixtures';
import { recordToReview, reviewToRecord } from './convert';
import { formatLineProblems, numberedLines, parseRecordLine, readRecords, recordLine, writeRecords } from './jsonl';
import { healthRubricsJsonSchema, type HealthRubricsRecord } from './record';
import { preferResponse } from './review';

const record = (): HealthRubricsRecord => reviewToRecord(preferResponse(verifiedReview('rev-a', [clinicianItem('R6', 'Asks whether the child is drinking fluids')]), 'round-2', 'round-0', false, 5));
const line = (r: unknown) => JSON.stringify(r);
async function collect(gen: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const piece of gen) out += piece;
  return out;
}

describe('HealthRubrics JSONL v1', () => {
  it('docs/healthrubrics.schema.json is exactly what the zod schema generates (run scripts/write-healthrubrics-schema.ts)', () => {
    expect(JSON.parse(readFileSync('docs/healthrubrics.schema.json', 'utf8'))).toEqual(healthRubricsJsonSchema());
  });

  it('a record written by the app passes the zod schema, the cross-field rules and the JSON Schema', () => {
    const r = record();
    expect(r.rubric.at(-1)!.tags).toEqual(['axis:context_awareness', 'origin:clinician']);
    expect(r.rubric[0]!.tags).toEqual(['axis:accuracy', 'principle:URG-001', 'origin:model']);
    expect(r.verified_at).toBe('2026-12-01T21:00:00.000Z');
    expect(parseRecordLine(recordLine(r), 1)).toEqual({ ok: true, record: r });
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(healthRubricsJsonSchema());
    expect(validate(JSON.parse(recordLine(r))) ? [] : validate.errors).toEqual([]);
  });

  it('export then import gives the same record back', () => {
    const r = record();
    expect(reviewToRecord(recordToReview(r, 77))).toEqual(r);
  });

  it('rejects each kind of bad line, naming the field', () => {
    const good = record();
    const cases: [unknown, RegExp][] = [
      ['{not json', /not valid JSON/],
      [{ ...good, format: 'healthrubrics/2' }, /^format: /],
      [{ ...good, id: '' }, /^id: id is empty/],
      [{ ...good, prompt: [] }, /^prompt: prompt has no messages/],
      [{ ...good, prompt: [{ role: 'doctor', content: 'x' }] }, /^prompt\.0\.role: /],
      [{ ...good, prompt: [{ role: 'assistant', content: 'hi' }] }, /^prompt: the last message must be from the user/],
      [{ ...good, rubric: [] }, /^rubric: rubric is empty/],
      [{ ...good, rubric: [{ ...good.rubric[0]!, points: 0 }] }, /^rubric\.0\.points: points must be a whole number/],
      [{ ...good, rubric: [{ ...good.rubric[0]!, points: 12 }] }, /^rubric\.0\.points: /],
      [{ ...good, rubric: [{ ...good.rubric[0]!, points: 2.5 }] }, /^rubric\.0\.points: /],
      [{ ...good, rubric: [{ ...good.rubric[0]!, criterion: 'short' }] }, /^rubric\.0\.criterion: /],
      [{ ...good, rubric: [{ ...good.rubric[0]!, tags: ['axis:speed', 'origin:model'] }] }, /^rubric\.0\.tags\.0: /],
      [{ ...good, rubric: [{ ...good.rubric[0]!, tags: ['origin:model'] }] }, /^rubric\.0\.tags: needs exactly one axis/],
      [{ ...good, rubric: [{ ...good.rubric[0]!, tags: ['axis:accuracy'] }] }, /^rubric\.0\.tags: needs exactly one origin/],
      [{ ...good, rubric: [good.rubric[4]!] }, /^rubric: needs at least one item with positive points/],
      [{ ...good, rubric: [good.rubric[0]!, good.rubric[0]!] }, /^rubric\.1\.criterion: repeats item 0/],
      [{ ...good, reviewer: null }, /^reviewer: /],
      [{ ...good, verified_at: '1 Dec 2026' }, /^verified_at: /],
      [{ ...good, responses: [good.responses[0]!, good.responses[0]!] }, /^responses\.1\.id: /],
      [{ ...good, responses: [{ id: 'a', content: 'x', score: 1.5 }] }, /^responses\.0\.score: /],
      [{ ...good, preference: { chosen: 'round-9', rejected: 'round-0', tie: false } }, /^preference\.chosen: /],
      [{ ...good, extra: 1 }, /^unknown field "extra" \(HealthRubrics v1 has no such field\)$/],
      [(({ responses: _r, ...rest }) => rest)(good), /^responses: is missing/],
    ];
    for (const [value, message] of cases) {
      const parsed = parseRecordLine(typeof value === 'string' ? value : line(value), 4);
      expect(parsed.ok, String(message)).toBe(false);
      if (!parsed.ok) {
        expect(parsed.problem.line).toBe(4);
        expect(parsed.problem.problems.some((p) => message.test(p)), `${message} in ${parsed.problem.problems.join(' | ')}`).toBe(true);
      }
    }
  });

  it('splits streamed chunks into numbered lines, whatever the chunk boundaries', async () => {
    const text = 'a\r\nbc\n\nd';
    const chunks = [...text].map((c) => c);
    const lines: [number, string][] = [];
    for await (const l of numberedLines(chunks)) lines.push([l.line, l.text]);
    expect(lines).toEqual([[1, 'a'], [2, 'bc'], [3, ''], [4, 'd']]);
  });

  it('imports all or nothing: bad lines by number; duplicates by id skipped and counted', async () => {
    const a = record();
    const b = { ...record(), id: 'rev-b' };
    const c = { ...record(), id: 'rev-c' };
    const file = await collect(writeRecords([a, b, a, c]));
    const ok = await readRecords([file], { existingIds: new Set(['rev-c']) });
    expect(ok).toEqual({ ok: true, records: [a, b], duplicates: 2, lines: 4 });
    const bad = `${line(a)}\n\n{oops\n${line({ ...b, rubric: [] })}\n`;
    const rejected = await readRecords([bad]);
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(formatLineProblems(rejected.problems)).toEqual(['line 3: not valid JSON', 'line 4: rubric: rubric is empty']);
  });

  it('stops reading when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readRecords([line(record())], { signal: controller.signal })).rejects.toThrow();
  });
});

describe('docs/healthrubrics-format.md', () => {
  it('its example lines are valid: a HealthRubrics record, then the pair and the example derived from it', async () => {
    const { toHealthBenchExample, toPreferencePair } = await import('./derived');
    const { healthBenchLine } = await import('../healthbench/format');
    const blocks = [...readFileSync('docs/healthrubrics-format.md', 'utf8').matchAll(/```jsonl\n(.*)\n```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(3);
    const parsed = parseRecordLine(blocks[0]!, 1);
    if (!parsed.ok) throw new Error(parsed.problem.problems.join('; '));
    const pair = toPreferencePair(parsed.record);
    const example = toHealthBenchExample(parsed.record);
    expect(pair.ok && JSON.stringify(pair.value)).toBe(blocks[1]);
    expect(example.ok && healthBenchLine(example.value)).toBe(blocks[2]);
  });
});

describe('importing a record', () => {
  it('links edited items to the draft item they came from, so a later save tracks changes against it', async () => {
    const { saveEdit } = await import('./review');
    const base = verifiedReview('rev-k');
    // The clinician reordered: the edited item 2 now comes first, and added one.
    const items = [{ ...base.items[1]!, criterion: 'Asks how many days the symptoms have lasted', origin: 'edited' as const }, base.items[0]!, clinicianItem('R6', 'Asks whether the child is drinking fluids')];
    const record = reviewToRecord({ ...base, items, verified: { ...base.verified!, items } });
    const review = recordToReview(record, 5);
    expect(review.items.map((i) => i.key)).toEqual(['R2', 'R1', 'R6']);
    const resaved = saveEdit(review, review.items.map((i) => ({ ...i })), 6);
    expect(resaved.items.map((i) => i.origin)).toEqual(['edited', 'model', 'clinician']);
  });
});
