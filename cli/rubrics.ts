// `clinrevise rubrics check|convert`: validate HealthRubrics JSONL v1 files and turn verified records
// into the formats trainers and evaluators read. Files are streamed line by line (memory stays flat).

import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { healthBenchLine } from '../src/lib/core/healthbench/format';
import { toHealthBenchExample, toPreferencePair, type Derived, type SkipReason } from '../src/lib/core/rubrics/derived';
import { numberedLines, parseRecordLine } from '../src/lib/core/rubrics/jsonl';
import type { HealthRubricsRecord } from '../src/lib/core/rubrics/record';
import type { Io } from './main';

export const RUBRICS_USAGE = `  clinrevise rubrics check FILE             validate a HealthRubrics JSONL v1 file: exit 0 when
                                             valid, 1 with one line per problem (line and field)
  clinrevise rubrics convert --to dpo|healthbench FILE [--out F]
                                             verified records as TRL preference pairs (dpo) or
                                             HealthBench JSONL; stdout unless --out`;

class RubricsUsageError extends Error {}

/** Streams the file's lines, so a large file is never held whole. */
function fileLines(path: string, signal?: AbortSignal) {
  return numberedLines(createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>, signal);
}

/** Every problem in the file as "FILE:LINE: field: message" (an unreadable file throws). */
async function fileProblems(path: string): Promise<{ problems: string[]; records: number }> {
  const problems: string[] = [];
  const firstLineOf = new Map<string, number>();
  let records = 0;
  for await (const { text, line } of fileLines(path)) {
    if (!text.trim()) continue;
    const parsed = parseRecordLine(text, line);
    if (!parsed.ok) {
      problems.push(...parsed.problem.problems.map((p) => `${path}:${line}: ${p}`));
      continue;
    }
    const first = firstLineOf.get(parsed.record.id);
    if (first !== undefined) problems.push(`${path}:${line}: id: "${parsed.record.id}" repeats line ${first} (an import skips it)`);
    else firstLineOf.set(parsed.record.id, line);
    records++;
  }
  return { problems, records };
}

async function check(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new RubricsUsageError('rubrics check needs one FILE.');
  const { problems, records } = await fileProblems(positionals[0]!);
  if (problems.length) {
    io.stdout.write(`${problems.join('\n')}\n`);
    return 1;
  }
  io.stdout.write(`${positionals[0]}: ${records} valid record${records === 1 ? '' : 's'}\n`);
  return 0;
}

const SKIPPED: Record<SkipReason, string> = { not_verified: 'not verified', no_preference: 'no preference', tie: 'tie' };

async function convert(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { to: { type: 'string' }, out: { type: 'string' } } });
  const to = values.to;
  if (to !== 'dpo' && to !== 'healthbench') throw new RubricsUsageError('rubrics convert needs --to dpo or --to healthbench.');
  if (positionals.length !== 1) throw new RubricsUsageError('rubrics convert needs one FILE.');
  const path = positionals[0]!;
  // First pass: all or nothing, so a bad file never yields a half-written output.
  const { problems } = await fileProblems(path);
  if (problems.length) {
    io.stderr.write(`${problems.join('\n')}\nclinrevise: nothing converted; fix the lines above (clinrevise rubrics check ${path}).\n`);
    return 1;
  }
  const out = values.out ? createWriteStream(values.out, { encoding: 'utf8' }) : null;
  const write = async (text: string) => {
    if (!out) io.stdout.write(text);
    else if (!out.write(text)) await once(out, 'drain');
  };
  const skipped = new Map<SkipReason, number>();
  const seen = new Set<string>();
  let written = 0;
  for await (const { text } of fileLines(path)) {
    if (!text.trim()) continue;
    const parsed = parseRecordLine(text, 0);
    if (!parsed.ok || seen.has(parsed.record.id)) continue;
    seen.add(parsed.record.id);
    const record: HealthRubricsRecord = parsed.record;
    const derived = derivedLine(to, record);
    if (!derived.ok) {
      skipped.set(derived.reason, (skipped.get(derived.reason) ?? 0) + 1);
      continue;
    }
    await write(`${derived.value}\n`);
    written++;
  }
  if (out) {
    out.end();
    await once(out, 'finish');
  }
  const skipText = [...skipped].map(([reason, n]) => `${n} ${SKIPPED[reason]}`).join(', ');
  io.stderr.write(`clinrevise: wrote ${written} ${to === 'dpo' ? 'preference pair' : 'HealthBench example'}${written === 1 ? '' : 's'}${values.out ? ` to ${values.out}` : ''}${skipText ? `; skipped ${skipText}` : ''}.\n`);
  return 0;
}

/** One record as a line of the target format, or why it has none. */
function derivedLine(to: 'dpo' | 'healthbench', record: HealthRubricsRecord): Derived<string> {
  if (to === 'dpo') {
    const pair = toPreferencePair(record);
    return pair.ok ? { ok: true, value: JSON.stringify(pair.value) } : pair;
  }
  const example = toHealthBenchExample(record);
  return example.ok ? { ok: true, value: healthBenchLine(example.value) } : example;
}

/** Runs `clinrevise rubrics …`; returns the exit code (2 for bad usage). */
export async function rubricsCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'check') return await check(rest, io);
    if (sub === 'convert') return await convert(rest, io);
    throw new RubricsUsageError(sub ? `Unknown rubrics command: ${sub}` : 'rubrics needs check or convert.');
  } catch (err) {
    if (err instanceof RubricsUsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`clinrevise: ${(err as Error).message}\n\nUsage:\n${RUBRICS_USAGE}\n`);
      return 2;
    }
    if ((err as { code?: string }).code === 'ENOENT') {
      io.stderr.write(`clinrevise: cannot read ${(err as { path?: string }).path ?? 'the file'}: no such file. Check the path.\n`);
      return 1;
    }
    throw err;
  }
}
