// The project's one GGUF byte writer: the tiny test models (scripts/gguf/tinyModels.ts) and the
// hand-built headers of the header-reader tests (tests/support/ggufBuilder.ts) are both written by it.

/** GGUF metadata value type ids, as the format defines them. */
export const GGUF_VALUE_TYPES = {
  u8: 0,
  i8: 1,
  u16: 2,
  i16: 3,
  u32: 4,
  i32: 5,
  f32: 6,
  bool: 7,
  string: 8,
  array: 9,
  u64: 10,
  i64: 11,
  f64: 12,
} as const;

/** ggml tensor type id of 32-bit floats (the only type the tiny models use). */
export const GGML_TYPE_F32 = 0;

export type GgufNumberType = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'u64' | 'i64' | 'f64';

/** One metadata value with its GGUF type (a JS number alone cannot say whether it is a u32 or an f32). */
export type GgufMetadataValue =
  | { type: GgufNumberType; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array'; itemType: GgufNumberType; value: readonly number[] }
  | { type: 'array'; itemType: 'bool'; value: readonly boolean[] }
  | { type: 'array'; itemType: 'string'; value: readonly string[] };

/** Metadata in file order (the order is part of the bytes, so it is a list, not a map). */
export type GgufMetadata = ReadonlyArray<readonly [key: string, value: GgufMetadataValue]>;

/** One tensor-table entry, with its data or (for header-only test files) just its size. */
export interface GgufTensorEntry {
  name: string;
  /** ggml order: dims[0] is the innermost (contiguous) dimension. */
  dims: readonly number[];
  /** ggml type id (0 = F32, 12 = Q4_K, …). */
  type: number;
  /** Bytes of data for this tensor (the caller knows the layout of its type). */
  byteLength: number;
  /** The data; when absent the tensor is written as zeros. */
  data?: Uint8Array;
}

export interface GgufFileSpec {
  metadata?: GgufMetadata;
  tensors?: readonly GgufTensorEntry[];
  /** Data alignment; 32 unless general.alignment says otherwise (the caller keeps the two in step). */
  alignment?: number;
  /** Four bytes at the start; anything but "GGUF" makes a file the reader must refuse. */
  magic?: string;
  version?: number;
  /** false stops right after the tensor table, as a download cut off there would. */
  withData?: boolean;
}

/** Shorthands for metadata values. */
export const u16 = (value: number): GgufMetadataValue => ({ type: 'u16', value });
export const u32 = (value: number): GgufMetadataValue => ({ type: 'u32', value });
export const i32 = (value: number): GgufMetadataValue => ({ type: 'i32', value });
export const f32 = (value: number): GgufMetadataValue => ({ type: 'f32', value });
export const u64 = (value: number): GgufMetadataValue => ({ type: 'u64', value });
export const bool = (value: boolean): GgufMetadataValue => ({ type: 'bool', value });
export const str = (value: string): GgufMetadataValue => ({ type: 'string', value });
export const strings = (value: readonly string[]): GgufMetadataValue => ({ type: 'array', itemType: 'string', value });
export const u32s = (value: readonly number[]): GgufMetadataValue => ({ type: 'array', itemType: 'u32', value });
export const i32s = (value: readonly number[]): GgufMetadataValue => ({ type: 'array', itemType: 'i32', value });
export const f32s = (value: readonly number[]): GgufMetadataValue => ({ type: 'array', itemType: 'f32', value });

/** An F32 tensor entry over the bytes of a Float32Array (little-endian on every platform we run on). */
export function f32Tensor(name: string, dims: readonly number[], values: Float32Array): GgufTensorEntry {
  const expected = dims.reduce((p, d) => p * d, 1);
  if (values.length !== expected) throw new RangeError(`tensor ${name}: ${values.length} values for dims ${dims.join('×')}`);
  return { name, dims, type: GGML_TYPE_F32, byteLength: values.byteLength, data: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) };
}

/** Little-endian byte sink. */
class ByteSink {
  readonly #chunks: Uint8Array[] = [];
  length = 0;
  readonly #encoder = new TextEncoder();

  bytes(bytes: Uint8Array): void {
    this.#chunks.push(bytes);
    this.length += bytes.length;
  }
  #fixed(size: number, fill: (view: DataView) => void): void {
    const buf = new Uint8Array(size);
    fill(new DataView(buf.buffer));
    this.bytes(buf);
  }
  number(type: GgufNumberType, v: number): void {
    switch (type) {
      case 'u8': return this.#fixed(1, (d) => d.setUint8(0, v));
      case 'i8': return this.#fixed(1, (d) => d.setInt8(0, v));
      case 'u16': return this.#fixed(2, (d) => d.setUint16(0, v, true));
      case 'i16': return this.#fixed(2, (d) => d.setInt16(0, v, true));
      case 'u32': return this.#fixed(4, (d) => d.setUint32(0, v, true));
      case 'i32': return this.#fixed(4, (d) => d.setInt32(0, v, true));
      case 'f32': return this.#fixed(4, (d) => d.setFloat32(0, v, true));
      case 'u64': return this.#fixed(8, (d) => d.setBigUint64(0, BigInt(v), true));
      case 'i64': return this.#fixed(8, (d) => d.setBigInt64(0, BigInt(v), true));
      case 'f64': return this.#fixed(8, (d) => d.setFloat64(0, v, true));
    }
  }
  u32(v: number): void {
    this.number('u32', v);
  }
  u64(v: number): void {
    this.number('u64', v);
  }
  bool(v: boolean): void {
    this.bytes(Uint8Array.of(v ? 1 : 0));
  }
  /** GGUF string: u64 byte length, then UTF-8 without a terminator. */
  str(s: string): void {
    const utf8 = this.#encoder.encode(s);
    this.u64(utf8.length);
    this.bytes(utf8);
  }
  /** Zero bytes up to the next multiple of `alignment`. */
  align(alignment: number): void {
    const pad = (alignment - (this.length % alignment)) % alignment;
    if (pad) this.bytes(new Uint8Array(pad));
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.#chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function writeValue(w: ByteSink, value: GgufMetadataValue): void {
  switch (value.type) {
    case 'bool': return w.bool(value.value);
    case 'string': return w.str(value.value);
    case 'array': {
      w.u32(GGUF_VALUE_TYPES[value.itemType]);
      w.u64(value.value.length);
      // One branch per item type, so each item is written with the type the array declares.
      if (value.itemType === 'string') for (const item of value.value) w.str(item);
      else if (value.itemType === 'bool') for (const item of value.value) w.bool(item);
      else for (const item of value.value) w.number(value.itemType, item);
      return;
    }
    default: return w.number(value.type, value.value);
  }
}

/**
 * GGUF bytes for a header and tensors: metadata in the given order, tensor offsets laid out in
 * order, the data section and every tensor padded to the alignment. Pure: same spec, same bytes.
 */
export function writeGguf(spec: GgufFileSpec): Uint8Array {
  const alignment = spec.alignment ?? 32;
  const metadata = spec.metadata ?? [];
  const tensors = spec.tensors ?? [];
  const w = new ByteSink();
  w.bytes(new TextEncoder().encode((spec.magic ?? 'GGUF').slice(0, 4).padEnd(4, '\0')));
  w.u32(spec.version ?? 3);
  w.u64(tensors.length);
  w.u64(metadata.length);
  for (const [key, value] of metadata) {
    w.str(key);
    w.u32(GGUF_VALUE_TYPES[value.type]);
    writeValue(w, value);
  }
  let offset = 0;
  for (const t of tensors) {
    if (t.data && t.data.byteLength !== t.byteLength) throw new RangeError(`tensor ${t.name}: ${t.data.byteLength} bytes of data, ${t.byteLength} declared`);
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(t.type);
    w.u64(offset);
    offset += Math.ceil(t.byteLength / alignment) * alignment;
  }
  if (spec.withData === false) return w.concat();
  w.align(alignment);
  for (const t of tensors) {
    w.bytes(t.data ?? new Uint8Array(t.byteLength));
    w.align(alignment);
  }
  return w.concat();
}
