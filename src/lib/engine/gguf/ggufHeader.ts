// Reads a GGUF file's header — metadata and tensor table — from its first megabytes, without loading
// the model. Used to describe a model before it is stored or loaded and to reject bad files with a clear error.
//
// Why not @huggingface/gguf (0.4.6, weighed for issue 9): in the browser it reads only through fetch of
// a URL (our models are Files in OPFS, read in the worker; a File would need a fake fetch over
// Blob.slice); it takes no AbortSignal; a server that ignores Range gets its whole body read into
// memory (multi-GB), and an error page is parsed, where we check the status and stop after the header;
// it keeps every metadata array (a 150k-token vocabulary) where we keep only lengths; it does not size
// tensors or check that their data fits the file (our truncation error); and it throws plain Errors,
// so our named errors would come from matching message text. Its split-URL helper is what
// ggufModel.ts already does in a few lines, so nothing here would get shorter.

import { throwIfAborted } from '../../core/errors';
import { GgufCorruptError, GgufTruncatedError, GgufUnsupportedError, NotGgufError } from './errors';
import { GGML_TYPES, tensorBytes } from './ggmlTypes';

/** Random access to the bytes of a model file (a Blob, a stored file, a URL with range requests). */
export interface ByteSource {
  /** For messages: the file name or URL. */
  readonly name: string;
  /** Total size in bytes. */
  readonly size: number;
  /** Reads `length` bytes at `offset` (fewer only at the end of the source). */
  read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array>;
}

/** A Blob or File as a ByteSource: each read is a `Blob.slice`, so only the header is ever read. */
export function blobSource(blob: Blob, name?: string): ByteSource {
  return {
    name: name ?? (blob instanceof File ? blob.name : 'model.gguf'),
    size: blob.size,
    async read(offset, length) {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
  };
}

/** Array metadata: its length always, its items only when short (token lists are not kept). */
export interface GgufArray {
  itemType: number;
  length: number;
  items: GgufScalar[] | null;
}
export type GgufScalar = number | bigint | boolean | string;
export type GgufValue = GgufScalar | GgufArray;

export interface GgufTensorInfo {
  name: string;
  /** ggml order: dims[0] is the innermost (contiguous) dimension. */
  dims: number[];
  type: number;
  /** Offset from the start of the data section. */
  offset: number;
  bytes: number;
}

export interface GgufHeader {
  source: string;
  version: number;
  fileSize: number;
  metadata: ReadonlyMap<string, GgufValue>;
  tensors: GgufTensorInfo[];
  alignment: number;
  /** Where tensor data starts (the header size, aligned). */
  dataOffset: number;
}

/** GGUF metadata value types. */
const T = { U8: 0, I8: 1, U16: 2, I16: 3, U32: 4, I32: 5, F32: 6, BOOL: 7, STRING: 8, ARRAY: 9, U64: 10, I64: 11, F64: 12 } as const;
const SCALAR_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

/** Arrays up to this length keep their items (per-layer settings do; vocabularies do not). */
const KEEP_ARRAY_ITEMS = 64;
/** Sanity limits: beyond these the header is damaged, not just large. */
const MAX_STRING_BYTES = 64 * 2 ** 20;
const MAX_ARRAY_LENGTH = 2 ** 28;
const MAX_COUNT = 2 ** 24;
const MAX_DIMS = 4;
const READ_CHUNK = 2 ** 20;

const MAGIC = 0x46554747; // "GGUF" read as a little-endian u32

/** Sequential reader over a ByteSource that fetches a megabyte at a time. */
class HeaderCursor {
  #buffer: Uint8Array = new Uint8Array(0);
  #view: DataView = new DataView(this.#buffer.buffer);
  #bufferStart = 0;
  position = 0;
  readonly #decoder = new TextDecoder('utf-8');

  constructor(
    private readonly source: ByteSource,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Makes bytes [position, position + n) available, reading more of the source when needed. */
  async need(n: number): Promise<void> {
    const offset = this.position - this.#bufferStart;
    if (offset >= 0 && offset + n <= this.#buffer.length) return;
    throwIfAborted(this.signal);
    if (this.position + n > this.source.size) throw new HeaderEndsEarly(this.position + n);
    const length = Math.min(Math.max(n, READ_CHUNK), this.source.size - this.position);
    const bytes = await this.source.read(this.position, length, this.signal);
    if (bytes.length < n) throw new HeaderEndsEarly(this.position + n);
    this.#buffer = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#bufferStart = this.position;
  }

  #at(size: number): number {
    const at = this.position - this.#bufferStart;
    this.position += size;
    return at;
  }

  async u32(): Promise<number> {
    await this.need(4);
    return this.#view.getUint32(this.#at(4), true);
  }

  /** A u64 that must fit a JS number (counts, lengths, offsets). */
  async size(what: string): Promise<number> {
    await this.need(8);
    const value = this.#view.getBigUint64(this.#at(8), true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new HeaderDamaged(`${what} is impossibly large`);
    return Number(value);
  }

  async string(what: string): Promise<string> {
    const length = await this.size(`the length of ${what}`);
    if (length > MAX_STRING_BYTES) throw new HeaderDamaged(`${what} claims to be ${length} bytes long`);
    await this.need(length);
    const at = this.#at(length);
    return this.#decoder.decode(this.#buffer.subarray(at, at + length));
  }

  /** Skips a string without decoding it (vocabulary entries). */
  async skipString(what: string): Promise<void> {
    const length = await this.size(`the length of ${what}`);
    if (length > MAX_STRING_BYTES) throw new HeaderDamaged(`${what} claims to be ${length} bytes long`);
    this.skip(length);
  }

  async scalar(type: number, what: string): Promise<GgufScalar> {
    if (type === T.STRING) return this.string(what);
    const size = SCALAR_SIZE[type];
    if (size === undefined) throw new HeaderDamaged(`${what} has unknown value type ${type}`);
    await this.need(size);
    const at = this.#at(size);
    const v = this.#view;
    switch (type) {
      case T.U8: return v.getUint8(at);
      case T.I8: return v.getInt8(at);
      case T.U16: return v.getUint16(at, true);
      case T.I16: return v.getInt16(at, true);
      case T.U32: return v.getUint32(at, true);
      case T.I32: return v.getInt32(at, true);
      case T.F32: return v.getFloat32(at, true);
      case T.BOOL: return v.getUint8(at) !== 0;
      case T.U64: return exactNumber(v.getBigUint64(at, true));
      case T.I64: return exactNumber(v.getBigInt64(at, true));
      default: return v.getFloat64(at, true);
    }
  }

  /** Moves past `bytes` bytes without reading them; the next read fetches from there. */
  skip(bytes: number): void {
    this.position += bytes;
    if (this.position > this.source.size) throw new HeaderEndsEarly(this.position);
  }
}

/** A 64-bit value as a number when exact, else as a bigint. */
function exactNumber(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
}

/** Internal: the header runs past the end of the file (needs at least `needed` bytes). */
class HeaderEndsEarly extends Error {
  constructor(readonly needed: number) {
    super('header ends early');
  }
}

/** Internal: a header value is impossible. */
class HeaderDamaged extends Error {}

async function readValue(cursor: HeaderCursor, type: number, key: string): Promise<GgufValue> {
  if (type !== T.ARRAY) return cursor.scalar(type, `the value of ${key}`);
  const itemType = await cursor.u32();
  const length = await cursor.size(`the length of ${key}`);
  if (length > MAX_ARRAY_LENGTH) throw new HeaderDamaged(`${key} claims ${length} items`);
  if (itemType === T.ARRAY) throw new HeaderDamaged(`${key} is an array of arrays`);
  if (length <= KEEP_ARRAY_ITEMS) {
    const items: GgufScalar[] = [];
    for (let i = 0; i < length; i++) items.push(await cursor.scalar(itemType, `an item of ${key}`));
    return { itemType, length, items };
  }
  if (itemType === T.STRING) {
    for (let i = 0; i < length; i++) await cursor.skipString(`an item of ${key}`);
  } else {
    const size = SCALAR_SIZE[itemType];
    if (size === undefined) throw new HeaderDamaged(`${key} has unknown item type ${itemType}`);
    cursor.skip(size * length);
  }
  return { itemType, length, items: null };
}

/**
 * Reads and checks the header of one GGUF file. Throws NotGgufError (wrong signature),
 * GgufTruncatedError (the file ends before its header or tensor data does), GgufCorruptError
 * (impossible values) or GgufUnsupportedError (GGUF version, unknown tensor type).
 */
export async function readGgufHeader(source: ByteSource, signal?: AbortSignal): Promise<GgufHeader> {
  const cursor = new HeaderCursor(source, signal);
  try {
    if (source.size < 8) throw new NotGgufError(source.name);
    if ((await cursor.u32()) !== MAGIC) throw new NotGgufError(source.name);
    const version = await cursor.u32();
    if (version !== 2 && version !== 3) {
      throw new GgufUnsupportedError(source.name, `it is GGUF version ${version}, and llama.cpp reads versions 2 and 3`);
    }
    const tensorCount = await cursor.size('the tensor count');
    const kvCount = await cursor.size('the metadata count');
    if (tensorCount > MAX_COUNT) throw new HeaderDamaged(`it claims ${tensorCount} tensors`);
    if (kvCount > MAX_COUNT) throw new HeaderDamaged(`it claims ${kvCount} metadata entries`);

    const metadata = new Map<string, GgufValue>();
    for (let i = 0; i < kvCount; i++) {
      const key = await cursor.string('a metadata key');
      const type = await cursor.u32();
      metadata.set(key, await readValue(cursor, type, key));
    }

    const alignmentValue = metadata.get('general.alignment');
    const alignment = typeof alignmentValue === 'number' ? alignmentValue : 32;
    if (!(alignment > 0) || (alignment & (alignment - 1)) !== 0) throw new HeaderDamaged(`its alignment ${alignment} is not a power of two`);

    const tensors: GgufTensorInfo[] = [];
    for (let i = 0; i < tensorCount; i++) {
      const name = await cursor.string('a tensor name');
      const nDims = await cursor.u32();
      if (nDims < 1 || nDims > MAX_DIMS) throw new HeaderDamaged(`tensor ${name} has ${nDims} dimensions`);
      const dims: number[] = [];
      for (let d = 0; d < nDims; d++) dims.push(await cursor.size(`a dimension of ${name}`));
      const type = await cursor.u32();
      const offset = await cursor.size(`the offset of ${name}`);
      const layout = GGML_TYPES.get(type);
      if (!layout) {
        throw new GgufUnsupportedError(source.name, `tensor ${name} uses tensor type ${type}, which the llama.cpp in this app does not know`);
      }
      const bytes = tensorBytes(layout, dims);
      if (bytes === null) throw new HeaderDamaged(`tensor ${name} has a shape that does not fit type ${layout.name}`);
      if (offset % alignment !== 0) throw new HeaderDamaged(`tensor ${name} is not aligned`);
      tensors.push({ name, dims, type, offset, bytes });
    }

    const dataOffset = Math.ceil(cursor.position / alignment) * alignment;
    const dataEnd = tensors.reduce((end, t) => Math.max(end, t.offset + t.bytes), 0);
    const required = dataOffset + dataEnd;
    if (tensors.length && required > source.size) throw new GgufTruncatedError(source.name, required, source.size);
    return { source: source.name, version, fileSize: source.size, metadata, tensors, alignment, dataOffset };
  } catch (err) {
    if (err instanceof HeaderEndsEarly) throw new GgufTruncatedError(source.name, err.needed, source.size);
    if (err instanceof HeaderDamaged) throw new GgufCorruptError(source.name, err.message);
    throw err;
  }
}
