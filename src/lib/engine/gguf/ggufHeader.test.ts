import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOE_EXPERTS, MOE_EXPERTS_USED, buildTinyModel } from '../../../../scripts/gguf/tinyModels';
import { f32Tensor, writeGguf, type GgufMetadata } from '../../../../scripts/gguf/writer';
import { buildGguf, str, strings, u32, type BuilderTensor, type BuildOptions } from '../../../../tests/support/ggufBuilder';
import { GgufCorruptError, GgufMissingPartsError, GgufTooLargeError, GgufTruncatedError, GgufUnsupportedError, NotGgufError } from './errors';
import { LLAMA_CPP_ARCHITECTURES, LLAMA_CPP_BUILD, NON_CHAT_ARCHITECTURES } from './architectures';
import { blobSource, readGgufHeader, type ByteSource, type GgufHeader } from './ggufHeader';
import { assertRunnable, describeGguf, estimateMemory, orderModelFiles, splitPartUrls } from './ggufModel';

const tiny = buildTinyModel('llama');
const tinyMoe = buildTinyModel('qwen3moe');
const read = (bytes: Uint8Array, name = 'model.gguf') => readGgufHeader(blobSource(new Blob([bytes as BlobPart]), name));

/** A source as large as the header claims, whose bytes past the real ones read as zeros; counts what is read. */
function virtualSource(bytes: Uint8Array, size: number, name = 'big.gguf'): ByteSource & { bytesRead: number } {
  return {
    name,
    size,
    bytesRead: 0,
    async read(offset, length) {
      this.bytesRead += length;
      const out = new Uint8Array(length);
      out.set(bytes.subarray(offset, Math.min(bytes.length, offset + length)));
      return out;
    },
  };
}

/** Header of a model with data the size its tensors claim (read without building the data). */
async function headerFor(tensors: BuilderTensor[], metadata: BuildOptions['metadata'], name = 'big.gguf'): Promise<GgufHeader> {
  const bytes = buildGguf({ metadata, tensors, withData: false });
  const aligned = Math.ceil(bytes.length / 32) * 32;
  const data = tensors.reduce((sum, t) => sum + Math.ceil(t.bytes / 32) * 32, 0);
  return readGgufHeader(virtualSource(bytes, aligned + data, name));
}

describe('readGgufHeader on the project’s tiny model', () => {
  it('reads version, metadata, tensors and where the data starts', async () => {
    const header = await read(tiny, 'tiny.gguf');
    expect(header.version).toBe(3);
    expect(header.metadata.get('general.architecture')).toBe('llama');
    expect(header.metadata.get('llama.context_length')).toBe(32768);
    expect(header.tensors).toHaveLength(3 + 2 * 9);
    expect(header.tensors[0]).toMatchObject({ name: 'token_embd.weight', dims: [128, 356], type: 0, bytes: 128 * 356 * 4 });
    expect(header.dataOffset % 32).toBe(0);
    const vocab = header.metadata.get('tokenizer.ggml.tokens');
    expect(vocab).toEqual({ itemType: 8, length: 356, items: null });
  });

  it('describes it: architecture, parameters, quantization, context and sizes', async () => {
    const info = describeGguf([await read(tiny, 'tiny.gguf')]);
    const perLayer = 128 + 4 * 128 * 128 + 128 + 3 * 128 * 256;
    expect(info).toMatchObject({
      fileName: 'tiny.gguf',
      architecture: 'llama',
      name: 'clinrevise-tiny-test',
      parameterCount: 2 * 128 * 356 + 128 + 2 * perLayer,
      activeParameterCount: null,
      quantization: 'F32',
      contextLength: 32768,
      expertCount: null,
      layerCount: 2,
      vocabSize: 356,
      hasChatTemplate: true,
      parts: 1,
      fileBytes: tiny.length,
    });
    expect(info.weightBytes).toBe(info.parameterCount * 4);
    expect(() => assertRunnable(info, 2048)).not.toThrow();
  });

  it('shows the experts and the parameters active per token of the tiny mixture-of-experts model', async () => {
    const header = await read(tinyMoe, 'tiny-moe.gguf');
    expect(header.metadata.get('general.architecture')).toBe('qwen3moe');
    expect(header.tensors.find((t) => t.name === 'blk.1.ffn_up_exps.weight')).toMatchObject({ dims: [128, 64, 8], type: 0 });
    expect(header.tensors.find((t) => t.name === 'blk.0.ffn_gate_inp.weight')).toMatchObject({ dims: [128, 8] });
    expect(header.tensors.find((t) => t.name === 'blk.0.attn_q_norm.weight')).toMatchObject({ dims: [32] });
    const info = describeGguf([header]);
    const attention = 128 + 4 * 128 * 128 + 2 * 32;
    const router = 128 * 8;
    const experts = 3 * 128 * 64 * 8;
    const dense = 2 * 128 * 356 + 128 + 2 * (attention + 128 + router);
    expect(MOE_EXPERTS).toBeGreaterThanOrEqual(4);
    expect(MOE_EXPERTS_USED).toBeGreaterThanOrEqual(2);
    expect(info).toMatchObject({
      architecture: 'qwen3moe',
      name: 'clinrevise-tiny-moe-test',
      expertCount: MOE_EXPERTS,
      expertUsedCount: MOE_EXPERTS_USED,
      parameterCount: dense + 2 * experts,
      // Two of eight experts run per token: a quarter of the expert weights.
      activeParameterCount: dense + (2 * experts) / 4,
      feedForwardLength: 64,
      keyLength: 32,
      quantization: 'F32',
      contextLength: 32768,
      layerCount: 2,
      vocabSize: 356,
      hasChatTemplate: true,
    });
    expect(info.activeParameterCount).toBeLessThan(info.parameterCount);
    expect(() => assertRunnable(info, 4096)).not.toThrow();
  });

  it('writes the same bytes on every call (the models are deterministic)', () => {
    expect(Buffer.compare(buildTinyModel('qwen3moe'), tinyMoe)).toBe(0);
    expect(Buffer.compare(buildTinyModel('llama'), tiny)).toBe(0);
  });

  it('reads back every metadata value type the project’s GGUF writer writes', async () => {
    const metadata: GgufMetadata = [
      ['t.u8', { type: 'u8', value: 250 }],
      ['t.i8', { type: 'i8', value: -5 }],
      ['t.u16', { type: 'u16', value: 65000 }],
      ['t.i16', { type: 'i16', value: -30000 }],
      ['t.u32', { type: 'u32', value: 4_000_000_000 }],
      ['t.i32', { type: 'i32', value: -2_000_000_000 }],
      ['t.f32', { type: 'f32', value: 0.5 }],
      ['t.u64', { type: 'u64', value: 2 ** 40 }],
      ['t.i64', { type: 'i64', value: -(2 ** 40) }],
      ['t.f64', { type: 'f64', value: Math.PI }],
      ['t.bool', { type: 'bool', value: true }],
      ['t.string', { type: 'string', value: 'héllo' }],
      ['t.u32s', { type: 'array', itemType: 'u32', value: [1, 2, 3] }],
      ['t.bools', { type: 'array', itemType: 'bool', value: [true, false] }],
      ['t.strings', { type: 'array', itemType: 'string', value: ['a', 'bc'] }],
    ];
    const tensor = f32Tensor('w', [2, 3], Float32Array.of(1, 2, 3, 4, 5, 6));
    const bytes = writeGguf({ metadata, tensors: [tensor] });
    const header = await read(bytes);
    expect(Object.fromEntries(header.metadata)).toEqual({
      't.u8': 250, 't.i8': -5, 't.u16': 65000, 't.i16': -30000, 't.u32': 4_000_000_000, 't.i32': -2_000_000_000,
      't.f32': 0.5, 't.u64': 2 ** 40, 't.i64': -(2 ** 40), 't.f64': Math.PI, 't.bool': true, 't.string': 'héllo',
      't.u32s': { itemType: 4, length: 3, items: [1, 2, 3] },
      't.bools': { itemType: 7, length: 2, items: [true, false] },
      't.strings': { itemType: 8, length: 2, items: ['a', 'bc'] },
    });
    expect(header.tensors).toEqual([{ name: 'w', dims: [2, 3], type: 0, offset: 0, bytes: 24 }]);
    const data = new Float32Array(bytes.slice(header.dataOffset, header.dataOffset + 24).buffer);
    expect([...data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(bytes.length).toBe(header.dataOffset + 32); // the data padded to the alignment
    expect(() => f32Tensor('w', [2, 2], Float32Array.of(1))).toThrow(/1 values for dims 2×2/);
  });

  it('reads only the first megabytes of a large file', async () => {
    const tensors = [{ name: 'token_embd.weight', dims: [4096, 65536], type: 12, bytes: (4096 * 65536 * 144) / 256 }];
    const bytes = buildGguf({ metadata: { 'general.architecture': str('llama') }, tensors, withData: false });
    const source = virtualSource(bytes, 160 * 2 ** 20);
    const header = await readGgufHeader(source);
    expect(header.tensors[0]!.bytes).toBe(150_994_944);
    expect(source.bytesRead).toBeLessThanOrEqual(2 ** 20);
  });
});

describe('readGgufHeader rejects bad files with named errors', () => {
  it('wrong signature: an HTML page, random bytes, an empty or tiny file', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>Not found</body></html>');
    await expect(read(html, 'index.gguf')).rejects.toBeInstanceOf(NotGgufError);
    await expect(read(buildGguf({ magic: 'GGML' }))).rejects.toBeInstanceOf(NotGgufError);
    await expect(read(new Uint8Array(0))).rejects.toBeInstanceOf(NotGgufError);
    await expect(read(Uint8Array.of(0x47, 0x47))).rejects.toBeInstanceOf(NotGgufError);
    const err = await read(html, 'index.gguf').catch((e: unknown) => e);
    expect((err as Error).message).toContain('“index.gguf” is not a GGUF model file');
  });

  it('truncated inside the header and inside the tensor data', async () => {
    const inHeader = await read(tiny.slice(0, 5000), 'cut.gguf').catch((e: unknown) => e);
    expect(inHeader).toBeInstanceOf(GgufTruncatedError);
    const inData = await read(tiny.slice(0, 900_000), 'cut.gguf').catch((e: unknown) => e);
    expect(inData).toBeInstanceOf(GgufTruncatedError);
    expect(inData).toMatchObject({ expectedBytes: tiny.length, actualBytes: 900_000 });
    expect((inData as Error).message).toMatch(/incomplete: its header says it holds at least 1\.7 MB but the file has 900 kB/);
  });

  it('unsupported GGUF versions and tensor types', async () => {
    await expect(read(buildGguf({ version: 1 }))).rejects.toBeInstanceOf(GgufUnsupportedError);
    await expect(read(buildGguf({ version: 166 }))).rejects.toThrow(/GGUF version 166/);
    const odd = buildGguf({ tensors: [{ name: 'w', dims: [32], type: 99, bytes: 32 }] });
    await expect(read(odd)).rejects.toThrow(/tensor type 99/);
  });

  it('impossible values are reported as damage, not thrown as crashes', async () => {
    const bytes = buildGguf({ metadata: { 'general.architecture': str('llama') } });
    const view = new DataView(bytes.buffer);
    view.setBigUint64(24, 2n ** 40n, true); // the first key's length
    await expect(read(bytes)).rejects.toBeInstanceOf(GgufCorruptError);
    const dims = buildGguf({ tensors: [{ name: 'w', dims: [1, 1, 1, 1, 1], type: 0, bytes: 4 }] });
    await expect(read(dims)).rejects.toThrow(/5 dimensions/);
    const shape = buildGguf({ tensors: [{ name: 'w', dims: [33], type: 2, bytes: 18 }] });
    await expect(read(shape)).rejects.toThrow(/does not fit type Q4_0/);
  });
});

describe('describeGguf and assertRunnable', () => {
  const expertTensors = (layers: number, embd: number, ff: number, experts: number): BuilderTensor[] =>
    Array.from({ length: layers }, (_, l) => [
      { name: `blk.${l}.attn_q.weight`, dims: [embd, embd], type: 12, bytes: (embd * embd * 144) / 256 },
      { name: `blk.${l}.ffn_gate_inp.weight`, dims: [embd, experts], type: 0, bytes: embd * experts * 4 },
      { name: `blk.${l}.ffn_up_exps.weight`, dims: [embd, ff, experts], type: 12, bytes: (embd * ff * experts * 144) / 256 },
      { name: `blk.${l}.ffn_down_exps.weight`, dims: [ff, embd, experts], type: 14, bytes: (ff * embd * experts * 210) / 256 },
    ]).flat();

  it('reports MoE expert counts and the parameters active per token', async () => {
    const header = await headerFor(expertTensors(2, 256, 512, 8), {
      'general.architecture': str('qwen3moe'),
      'general.file_type': u32(15),
      'qwen3moe.expert_count': u32(8),
      'qwen3moe.expert_used_count': u32(2),
      'qwen3moe.context_length': u32(40960),
      'qwen3moe.block_count': u32(2),
    });
    const info = describeGguf([header]);
    const dense = 2 * (256 * 256 + 256 * 8);
    const experts = 2 * (2 * 256 * 512 * 8);
    expect(info).toMatchObject({
      architecture: 'qwen3moe',
      expertCount: 8,
      expertUsedCount: 2,
      quantization: 'Q4_K_M',
      contextLength: 40960,
      parameterCount: dense + experts,
      activeParameterCount: dense + experts / 4,
    });
    expect(() => assertRunnable(info, 4096)).not.toThrow();
  });

  it('rejects architectures llama.cpp does not know, and models that are not chat models', async () => {
    const unknown = describeGguf([await headerFor([], { 'general.architecture': str('mamba9000') }, 'x.gguf')]);
    expect(() => assertRunnable(unknown, 2048)).toThrow(GgufUnsupportedError);
    expect(() => assertRunnable(unknown, 2048)).toThrow(/“mamba9000” is not known to the llama\.cpp built into this app/);
    const bert = describeGguf([await headerFor([], { 'general.architecture': str('bert') }, 'e.gguf')]);
    expect(() => assertRunnable(bert, 2048)).toThrow(/embedding or encoder model/);
    await expect(async () => describeGguf([await headerFor([], {}, 'n.gguf')])).rejects.toThrow(GgufCorruptError);
  });

  it('estimates memory from weights, KV cache and work buffers, and rejects what a tab cannot hold', async () => {
    // Shaped like Qwen3-30B-A3B in Q4_K_M: 48 layers, 128 experts of which 8 are used, ~17 GB of weights.
    const tensors = [{ name: 'blk.0.ffn_up_exps.weight', dims: [2048, 768, 128 * 48 * 3], type: 12, bytes: (2048 * 768 * 128 * 48 * 3 * 144) / 256 }];
    const header = await headerFor(tensors, {
      'general.architecture': str('qwen3moe'),
      'qwen3moe.block_count': u32(48),
      'qwen3moe.embedding_length': u32(2048),
      'qwen3moe.attention.head_count': u32(32),
      'qwen3moe.attention.head_count_kv': u32(4),
      'qwen3moe.attention.key_length': u32(128),
      'qwen3moe.attention.value_length': u32(128),
      'qwen3moe.expert_count': u32(128),
      'qwen3moe.expert_used_count': u32(8),
    }, 'Qwen3-30B-A3B-Q4_K_M.gguf');
    const info = describeGguf([header]);
    const estimate = estimateMemory(info, 4096);
    expect(estimate.kvCacheBytes).toBe(48 * 4096 * 4 * 256 * 2);
    expect(estimate.totalBytes).toBe(estimate.weightsBytes + estimate.kvCacheBytes + estimate.workBytes);
    const err = (() => {
      try {
        assertRunnable(info, 4096);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(GgufTooLargeError);
    expect((err as Error).message).toMatch(/needs about 1\d\.\d\d GB of memory, but a browser tab can give it at most 4\.29 GB/);
    expect(() => assertRunnable(info, 4096, 64 * 2 ** 30)).not.toThrow();
  });

  it('adds up the parts of a split model and names missing parts', async () => {
    const part = (no: number, count: number) =>
      headerFor(
        [{ name: `t${no}`, dims: [64], type: 0, bytes: 256 }],
        {
          ...(no === 0 ? { 'general.architecture': str('llama'), 'tokenizer.ggml.tokens': strings(['a', 'b']) } : {}),
          'split.no': { type: 'u32', value: no },
          'split.count': u32(count),
        },
        `m-0000${no + 1}-of-0000${count}.gguf`,
      );
    const [a, b, c] = await Promise.all([part(0, 3), part(1, 3), part(2, 3)]);
    const info = describeGguf([c, a, b]);
    expect(info).toMatchObject({ fileName: 'm-00001-of-00003.gguf', parts: 3, parameterCount: 192, vocabSize: 2 });
    expect(() => describeGguf([a, c])).toThrow(GgufMissingPartsError);
    expect(() => describeGguf([a, c])).toThrow(/split into 3 files, and part 2 is missing/);
  });

  it('orders picked split files and names what is missing', () => {
    const f = (name: string) => ({ name });
    expect(orderModelFiles([f('q-00002-of-00002.gguf'), f('q-00001-of-00002.gguf')]).map((x) => x.name)).toEqual([
      'q-00001-of-00002.gguf',
      'q-00002-of-00002.gguf',
    ]);
    expect(orderModelFiles([f('single.gguf')]).map((x) => x.name)).toEqual(['single.gguf']);
    expect(() => orderModelFiles([f('q-00001-of-00003.gguf'), f('q-00003-of-00003.gguf')])).toThrow(/part 2 is missing/);
    expect(() => orderModelFiles([f('a.gguf'), f('b.gguf')])).toThrow(/not a part of a split model/);
    expect(() => orderModelFiles([f('a-00001-of-00002.gguf'), f('b-00002-of-00002.gguf')])).toThrow(/different models/);
    expect(splitPartUrls('/models/q-00001-of-00003.gguf')).toEqual([
      '/models/q-00001-of-00003.gguf',
      '/models/q-00002-of-00003.gguf',
      '/models/q-00003-of-00003.gguf',
    ]);
    expect(splitPartUrls('https://host/m.gguf')).toEqual(['https://host/m.gguf']);
  });
});

describe('the architecture table matches the llama.cpp inside the shipped wllama', () => {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('@wllama/wllama/package.json'));

  it('names the same llama.cpp build', () => {
    const index = readFileSync(join(pkgDir, 'esm/index.js'), 'utf8');
    expect(/LIBLLAMA_VERSION = "(b\d+)-/.exec(index)?.[1]).toBe(LLAMA_CPP_BUILD);
  });

  it('lists only names that occur in the wasm binary, and classifies every non-chat name it knows', () => {
    const wasm = readFileSync(join(pkgDir, 'esm/wasm/wllama.wasm'));
    const missing = LLAMA_CPP_ARCHITECTURES.filter((name) => wasm.indexOf(Buffer.from(`${name}\0`)) === -1);
    expect(missing).toEqual([]);
    for (const name of NON_CHAT_ARCHITECTURES.keys()) expect(LLAMA_CPP_ARCHITECTURES).toContain(name);
  });
});
