// Hand-built GGUF files for tests of the header reader and the model checks: any metadata, any tensor
// table, and tensor data that is either real zeros or left out (to make truncated files on purpose).

export type BuilderValue =
  | { type: 'u32'; value: number }
  | { type: 'i32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'u64'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'u32[]'; value: number[] }
  | { type: 'string[]'; value: string[] };

export interface BuilderTensor {
  name: string;
  dims: number[];
  /** ggml type id (0 = F32, 12 = Q4_K, …). */
  type: number;
  /** Bytes of data for this tensor (the caller knows the layout). */
  bytes: number;
}

export interface BuildOptions {
  magic?: string;
  version?: number;
  metadata?: Record<string, BuilderValue>;
  tensors?: BuilderTensor[];
  /** Write the tensor data (zeros); false stops right after the header, as a cut-off download would. */
  withData?: boolean;
  alignment?: number;
}

const TYPE_IDS = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10 } as const;

class Bytes {
  parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array) {
    this.parts.push(b);
    this.length += b.length;
  }
  fixed(n: number, fill: (v: DataView) => void) {
    const b = new Uint8Array(n);
    fill(new DataView(b.buffer));
    this.push(b);
  }
  u32(v: number) {
    this.fixed(4, (d) => d.setUint32(0, v, true));
  }
  u64(v: number) {
    this.fixed(8, (d) => d.setBigUint64(0, BigInt(v), true));
  }
  str(s: string) {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.push(b);
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/** GGUF bytes with the given header; tensor offsets are laid out in order, aligned. */
export function buildGguf(options: BuildOptions = {}): Uint8Array {
  const alignment = options.alignment ?? 32;
  const w = new Bytes();
  w.push(new TextEncoder().encode((options.magic ?? 'GGUF').slice(0, 4).padEnd(4, '\0')));
  w.u32(options.version ?? 3);
  const tensors = options.tensors ?? [];
  const metadata = Object.entries(options.metadata ?? {});
  w.u64(tensors.length);
  w.u64(metadata.length);
  for (const [key, v] of metadata) {
    w.str(key);
    switch (v.type) {
      case 'u32': w.u32(TYPE_IDS.u32); w.u32(v.value); break;
      case 'i32': w.u32(TYPE_IDS.i32); w.fixed(4, (d) => d.setInt32(0, v.value, true)); break;
      case 'f32': w.u32(TYPE_IDS.f32); w.fixed(4, (d) => d.setFloat32(0, v.value, true)); break;
      case 'u64': w.u32(TYPE_IDS.u64); w.u64(v.value); break;
      case 'bool': w.u32(TYPE_IDS.bool); w.push(Uint8Array.of(v.value ? 1 : 0)); break;
      case 'string': w.u32(TYPE_IDS.string); w.str(v.value); break;
      case 'u32[]': w.u32(TYPE_IDS.array); w.u32(TYPE_IDS.u32); w.u64(v.value.length); v.value.forEach((x) => w.u32(x)); break;
      case 'string[]': w.u32(TYPE_IDS.array); w.u32(TYPE_IDS.string); w.u64(v.value.length); v.value.forEach((x) => w.str(x)); break;
    }
  }
  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.dims.length);
    t.dims.forEach((d) => w.u64(d));
    w.u32(t.type);
    w.u64(offset);
    offset += Math.ceil(t.bytes / alignment) * alignment;
  }
  if (options.withData !== false) {
    const pad = (alignment - (w.length % alignment)) % alignment;
    w.push(new Uint8Array(pad + offset));
  }
  return w.concat();
}

/** Shorthand for metadata values. */
export const u32 = (value: number): BuilderValue => ({ type: 'u32', value });
export const str = (value: string): BuilderValue => ({ type: 'string', value });
export const strings = (value: string[]): BuilderValue => ({ type: 'string[]', value });
