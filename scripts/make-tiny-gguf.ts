// Writes the project's tiny test models to tests/fixtures/ (`npm run make:tiny-gguf [llama|qwen3moe|all] [out]`).
// Tests write them on demand too (tests/support/ggufFixtures.ts), so this is for trying them by hand.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildTinyModel, type TinyModelKind } from './gguf/tinyModels';

const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tests/fixtures');

/** Where each model is written by default (git-ignored). */
export const DEFAULT_OUT: Readonly<Record<TinyModelKind, string>> = {
  llama: resolve(FIXTURE_DIR, 'tiny.gguf'),
  qwen3moe: resolve(FIXTURE_DIR, 'tiny-moe.gguf'),
};

/** Writes one tiny model, creating its folder if needed. */
export async function makeTinyGguf(kind: TinyModelKind, outPath = DEFAULT_OUT[kind]): Promise<{ path: string; bytes: number }> {
  const path = resolve(outPath);
  const data = buildTinyModel(kind);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return { path, bytes: data.length };
}

const KINDS: readonly TinyModelKind[] = ['llama', 'qwen3moe'];

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [which = 'all', out] = process.argv.slice(2);
  const kinds = which === 'all' ? KINDS : KINDS.filter((k) => k === which);
  if (kinds.length === 0 || (out && kinds.length > 1)) {
    console.error('usage: npm run make:tiny-gguf -- [llama|qwen3moe|all] [output path, for one model]');
    process.exit(2);
  }
  for (const kind of kinds) {
    const { path, bytes } = await makeTinyGguf(kind, out);
    console.log(`wrote ${path} (${kind}, ${bytes} bytes)`);
  }
}
