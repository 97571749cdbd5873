// Whether llama.cpp's WebGPU backend (built into wllama 3.13's wasm) can take the model's layers
// here, and the words for where the model ran. The probe runs wherever `navigator.gpu` is (the
// page for Settings, the engine's worker before each load); the decision is pure and unit-tested.
//
// Facts about llama.cpp b12211's ggml-webgpu (in wllama 3.13's wasm) this relies on: it creates its
// device with the `shader-f16` feature, so an adapter without it cannot take any layer (on SwiftShader,
// which lacks it, every buffer stayed on the CPU); it is skipped entirely with n_gpu_layers 0.

/** What the browser's WebGPU adapter offers, as far as llama.cpp's WebGPU backend cares. */
export interface GpuProbe {
  /** The adapter is a software one (SwiftShader and the like): slower than the CPU threads. */
  isFallback: boolean;
  shaderF16: boolean;
  /** The adapter's largest buffer and storage binding, in bytes. */
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  /** Vendor and architecture, for the note (may be empty: browsers hide them). */
  description: string;
}

/** Why the model is (or is not) offloaded to the GPU. */
export type OffloadReason =
  | 'gpu' // offloaded
  | 'setting_off' // the user turned GPU off
  | 'no_webgpu' // the browser has no navigator.gpu
  | 'no_adapter' // navigator.gpu offered no adapter
  | 'software_adapter' // a software adapter: CPU threads are faster
  | 'no_shader_f16' // llama.cpp's WebGPU backend needs shader-f16
  | 'not_taken'; // offload was asked for but llama.cpp kept every buffer on the CPU

/** Where a model ran: on the GPU, or on CPU threads, and why not the GPU. */
export interface Placement {
  where: 'gpu' | 'cpu';
  /** CPU threads llama.cpp used (it uses them alongside the GPU too). */
  threads: number;
  reason: OffloadReason;
}

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  limits?: { maxBufferSize?: number; maxStorageBufferBindingSize?: number };
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/** `navigator.gpu` of this page or worker, when there is one. */
function browserGpu(): GpuLike | null {
  return (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu ?? null;
}

/** The probe's answer: the adapter, or why there is none. */
export interface GpuProbeResult {
  probe: GpuProbe | null;
  reason: 'no_webgpu' | 'no_adapter' | null;
}

/**
 * Asks the browser for its WebGPU adapter. Null with `reason` when there is none; never throws
 * (a browser that refuses the request is treated as having no adapter).
 */
export async function probeWebGpu(gpu: GpuLike | null = browserGpu()): Promise<GpuProbeResult> {
  if (!gpu) return { probe: null, reason: 'no_webgpu' };
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter();
  } catch {
    adapter = null;
  }
  if (!adapter) return { probe: null, reason: 'no_adapter' };
  const info = adapter.info ?? {};
  return {
    probe: {
      isFallback: info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false,
      shaderF16: adapter.features.has('shader-f16'),
      maxBufferSize: adapter.limits?.maxBufferSize ?? 0,
      maxStorageBufferBindingSize: adapter.limits?.maxStorageBufferBindingSize ?? 0,
      description: [info.vendor, info.architecture].filter(Boolean).join(' '),
    },
    reason: null,
  };
}

/**
 * Whether to offload the layers (n_gpu_layers) given the setting and the probe. A software adapter
 * is refused: it computes on the CPU anyway, slower than llama.cpp's own threads.
 */
export function offloadDecision(useGpu: boolean, found: GpuProbeResult): { offload: boolean; reason: OffloadReason } {
  if (!useGpu) return { offload: false, reason: 'setting_off' };
  const probe = found.probe;
  if (!probe) return { offload: false, reason: found.reason ?? 'no_adapter' };
  if (probe.isFallback) return { offload: false, reason: 'software_adapter' };
  if (!probe.shaderF16) return { offload: false, reason: 'no_shader_f16' };
  return { offload: true, reason: 'gpu' };
}

/**
 * Where the weights went, from llama.cpp's log: it writes "<buffer type> model buffer size" for
 * each buffer it fills ("CPU_Mapped", "CPU", "WebGPU" …); any non-CPU buffer means offloaded.
 */
export function weightsOnGpu(log: readonly string[]): boolean {
  const buffers = log.flatMap((line) => /(\S+) model buffer size/.exec(line)?.[1] ?? []);
  return buffers.some((b) => !/^CPU/i.test(b));
}

/** The placement after a load: what was decided, corrected by what llama.cpp actually did. */
export function placementAfterLoad(decision: { offload: boolean; reason: OffloadReason }, onGpu: boolean, threads: number): Placement {
  if (onGpu) return { where: 'gpu', threads, reason: 'gpu' };
  return { where: 'cpu', threads, reason: decision.offload ? 'not_taken' : decision.reason };
}

/** Short English words for the engine label (stored with every run): "WebGPU" or "CPU, 2 threads". */
export function placementLabel(placement: Placement): string {
  return placement.where === 'gpu' ? 'WebGPU' : `CPU, ${placement.threads} thread${placement.threads === 1 ? '' : 's'}`;
}
