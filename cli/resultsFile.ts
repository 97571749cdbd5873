// The `--out` file of `clinrevise eval`: one JSON result a line, appended the moment an example is
// graded, so re-running with the same file resumes. A line cut short by a crash is ignored.

import { existsSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import type { EvalResult, EvalStore } from '../src/lib/core/eval/runner';

function isResult(value: unknown): value is EvalResult {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.prompt_id === 'string' && (r.mode === 'plain' || r.mode === 'revised') && typeof r.score === 'number' && Array.isArray(r.items) && typeof r.tag_scores === 'object';
}

/** A store backed by a JSONL file (created on the first save). */
export function jsonlResultsFile(path: string): EvalStore {
  let needsNewline = false;
  return {
    async completed() {
      if (!existsSync(path)) return [];
      const text = readFileSync(path, 'utf8');
      needsNewline = text.length > 0 && !text.endsWith('\n');
      const results: EvalResult[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          const value: unknown = JSON.parse(line);
          if (isResult(value)) results.push(value);
        } catch {
          // A partial last line from an interrupted write: that example runs again.
        }
      }
      return results;
    },
    async save(result) {
      const prefix = needsNewline ? '\n' : '';
      needsNewline = false;
      await appendFile(path, `${prefix}${JSON.stringify(result)}\n`, 'utf8');
    },
  };
}
