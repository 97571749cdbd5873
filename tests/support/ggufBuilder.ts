// Hand-built GGUF files for tests of the header reader and the model checks: any metadata, any tensor
// table, and tensor data that is either real zeros or left out (to make truncated files on purpose).
// The bytes come from the project's one GGUF writer (scripts/gguf/writer.ts); this only adapts its shape.

import { writeGguf, type GgufMetadataValue } from '../../scripts/gguf/writer';

export { str, strings, u32 } from '../../scripts/gguf/writer';

export type BuilderValue = GgufMetadataValue;

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

/** GGUF bytes with the given header; tensor offsets are laid out in order, aligned. */
export function buildGguf(options: BuildOptions = {}): Uint8Array {
  return writeGguf({
    magic: options.magic,
    version: options.version,
    alignment: options.alignment,
    withData: options.withData,
    metadata: Object.entries(options.metadata ?? {}),
    tensors: (options.tensors ?? []).map((t) => ({ name: t.name, dims: t.dims, type: t.type, byteLength: t.bytes })),
  });
}
