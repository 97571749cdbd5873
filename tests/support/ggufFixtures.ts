// The GGUF files the browser tests use, written on demand: the project's tiny llama (one file and
// split in two), broken variants of it, each broken in one specific way, and the tiny mixture of experts.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTinyModel, buildTinyModelParts } from '../../scripts/gguf/tinyModels';
import { DEFAULT_OUT } from '../../scripts/make-tiny-gguf';

/** Where the GGUF engine's test page (tests/harness) is built by the e2e global setup. */
export const GGUF_HARNESS_DIR = resolve('tests/.artifacts/gguf-harness');

/** Where generated fixtures live (git-ignored). */
export const GGUF_FIXTURE_DIR = resolve('tests/.artifacts/gguf-fixtures');

export const TINY_GGUF = DEFAULT_OUT.llama;

/** The tiny model's file names, as tests refer to them. */
export const FIXTURES = {
  tiny: 'tiny.gguf',
  part1: 'tiny-00001-of-00002.gguf',
  part2: 'tiny-00002-of-00002.gguf',
  /** Cut off inside the tensor data: the header reader refuses it. */
  truncated: 'truncated.gguf',
  /** A web page saved as .gguf. */
  notGguf: 'page.gguf',
  /** A valid header naming an architecture llama.cpp does not know. */
  unknownArch: 'unknown-arch.gguf',
  /** A valid header whose tensor table lacks a tensor llama.cpp needs: only llama.cpp can tell. */
  missingTensor: 'missing-tensor.gguf',
  /** Prefixes a space when tokenizing, as many SentencePiece models do: breaks llama.cpp's schema grammar with this template. */
  spacePrefix: 'space-prefix.gguf',
  /** The tiny qwen3moe model: 8 experts per layer, 2 used per token. */
  moe: 'tiny-moe.gguf',
  /** The MoE model with one layer's up-projection experts misnamed: only llama.cpp can tell. */
  moeMissingExperts: 'moe-missing-experts.gguf',
} as const;

function replaceOnce(bytes: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('replacement must keep the length');
  const out = Buffer.from(bytes);
  const at = out.indexOf(Buffer.from(from));
  if (at === -1) throw new Error(`"${from}" not found`);
  out.write(to, at);
  return new Uint8Array(out);
}

function writeIfChanged(path: string, bytes: Uint8Array): void {
  if (existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0) return;
  writeFileSync(path, bytes);
}

/** Writes tests/fixtures/tiny.gguf (when missing or stale) and every fixture above. */
export function ensureGgufFixtures(): void {
  const tiny = buildTinyModel('llama');
  const moe = buildTinyModel('qwen3moe');
  mkdirSync(resolve(TINY_GGUF, '..'), { recursive: true });
  writeIfChanged(TINY_GGUF, tiny);
  mkdirSync(GGUF_FIXTURE_DIR, { recursive: true });
  const files: Record<string, Uint8Array> = {
    [FIXTURES.tiny]: tiny,
    [FIXTURES.truncated]: tiny.slice(0, 900_000),
    [FIXTURES.notGguf]: new TextEncoder().encode('<!doctype html><html><body><h1>404 Not Found</h1></body></html>'),
    // The key and its value sit together in the header; changing the value keeps every length.
    [FIXTURES.unknownArch]: replaceOnce(tiny, 'general.architecture\u0008\u0000\u0000\u0000\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000llama', 'general.architecture\u0008\u0000\u0000\u0000\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000llamx'),
    [FIXTURES.missingTensor]: replaceOnce(tiny, 'output_norm.weight', 'output_nurm.weight'),
    [FIXTURES.spacePrefix]: replaceOnce(tiny, 'add_space_prefix\u0007\u0000\u0000\u0000\u0000', 'add_space_prefix\u0007\u0000\u0000\u0000\u0001'),
    [FIXTURES.moe]: moe,
    [FIXTURES.moeMissingExperts]: replaceOnce(moe, 'blk.1.ffn_up_exps', 'blk.1.ffn_up_expz'),
  };
  for (const part of buildTinyModelParts('llama', 2)) files[part.name] = part.bytes;
  for (const [name, bytes] of Object.entries(files)) writeIfChanged(join(GGUF_FIXTURE_DIR, name), bytes);
}

/** Path of a generated fixture. */
export const fixturePath = (name: string) => join(GGUF_FIXTURE_DIR, name);
