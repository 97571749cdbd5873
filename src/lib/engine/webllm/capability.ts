// What the user's own GPU can do, asked before anything is downloaded (web-llm only checks after
// its downloads), and which models it can run. The probe reads the WebGPU API; the verdict is pure.

import type { ResolvedModel } from './modelSpec';

/** The parts of a WebGPU adapter the check reads (structural, so tests can pass fakes). */
export interface GpuAdapterLike {
  readonly features: { has(feature: string): boolean };
  readonly limits: { readonly maxBufferSize: number; readonly maxStorageBufferBindingSize: number };
  readonly info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  /** Older Chromium exposes this on the adapter rather than in `info`. */
  readonly isFallbackAdapter?: boolean;
}

export interface NavigatorLike {
  gpu?: { requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<GpuAdapterLike | null> };
  /** Approximate RAM in GB (Chromium only). */
  deviceMemory?: number;
}

export interface GpuAdapterReport {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software adapter (e.g. SwiftShader): the GPU work runs on the CPU. */
  isFallback: boolean;
  shaderF16: boolean;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

export interface GpuProbe {
  /** `navigator.gpu` exists. */
  api: boolean;
  /** The adapter WebGPU offers, or null when it offers none. */
  adapter: GpuAdapterReport | null;
  /** Device memory in GB as the browser reports it (approximate), or null when it does not. */
  deviceMemoryGB: number | null;
  /** The probe itself failed (requestAdapter threw); the message is for display. */
  failure: string | null;
}

/** Asks WebGPU for an adapter and reads what it offers. Never throws. */
export async function probeGpu(nav: NavigatorLike = globalThis.navigator as NavigatorLike): Promise<GpuProbe> {
  const deviceMemoryGB = typeof nav?.deviceMemory === 'number' ? nav.deviceMemory : null;
  if (!nav?.gpu) return { api: false, adapter: null, deviceMemoryGB, failure: null };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (err) {
    return { api: true, adapter: null, deviceMemoryGB, failure: err instanceof Error ? err.message : 'requestAdapter failed' };
  }
  if (!adapter) return { api: true, adapter: null, deviceMemoryGB, failure: null };
  const info = adapter.info ?? {};
  return {
    api: true,
    deviceMemoryGB,
    failure: null,
    adapter: {
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      device: info.device ?? '',
      description: info.description ?? '',
      isFallback: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
      shaderF16: adapter.features.has('shader-f16'),
      maxBufferSize: adapter.limits.maxBufferSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    },
  };
}

/** A human name for the adapter ("google swiftshader (software)"). */
export function adapterName(adapter: GpuAdapterReport): string {
  const name = [adapter.vendor, adapter.architecture, adapter.description || adapter.device].filter(Boolean).join(' ') || 'unnamed GPU';
  return adapter.isFallback ? `${name} (software, runs on the CPU)` : name;
}

export type FitVerdict = 'runs' | 'may_not_fit' | 'cannot';

/** Why a model cannot run or may not fit, as data: the UI words it in the reader's language. */
export type FitReason =
  | { code: 'no_webgpu' }
  | { code: 'no_adapter' }
  | { code: 'needs_shader_f16' }
  /** The model's largest GPU buffer exceeds what the adapter allows. */
  | { code: 'buffer_too_small'; neededBytes: number; allowedBytes: number }
  /** The GPU memory need is over three quarters of the device memory the browser reports. */
  | { code: 'memory_over_device'; neededBytes: number; deviceMemoryGB: number }
  /** The need is above a typical laptop GPU's and the browser does not report memory. */
  | { code: 'memory_unreported'; neededBytes: number }
  /** A custom model: its GPU memory need is not known. */
  | { code: 'memory_need_unknown' };

/** A caveat that does not change the verdict. */
export type FitNote = { code: 'software_adapter' };

export interface ModelFit {
  verdict: FitVerdict;
  /** Why it cannot run or may not fit; empty for `runs`. */
  reasons: FitReason[];
  /** Caveats that do not change the verdict (e.g. a software adapter is slow). */
  notes: FitNote[];
}

/** Memory a typical laptop GPU can give a model when the browser does not tell us more. */
export const TYPICAL_GPU_MEMORY_MB = 4096;

/** The facts the verdict needs about a model. */
export type ModelNeeds = Pick<ResolvedModel, 'requiresShaderF16' | 'vramMB'> & {
  /** Largest single GPU buffer the model allocates, when known. */
  maxBufferBytes?: number | null;
};

/**
 * Whether a model runs on the probed GPU. A model that stores 16-bit floats never "runs" without
 * shader-f16, whatever web-llm's record says; memory is judged against what the browser reports.
 */
export function assessModel(model: ModelNeeds, probe: GpuProbe): ModelFit {
  const reasons: FitReason[] = [];
  const notes: FitNote[] = [];
  if (!probe.api) return { verdict: 'cannot', reasons: [{ code: 'no_webgpu' }], notes };
  const adapter = probe.adapter;
  if (!adapter) return { verdict: 'cannot', reasons: [{ code: 'no_adapter' }], notes };
  if (model.requiresShaderF16 && !adapter.shaderF16) reasons.push({ code: 'needs_shader_f16' });
  if (model.maxBufferBytes && model.maxBufferBytes > Math.min(adapter.maxBufferSize, adapter.maxStorageBufferBindingSize)) {
    reasons.push({ code: 'buffer_too_small', neededBytes: model.maxBufferBytes, allowedBytes: adapter.maxStorageBufferBindingSize });
  }
  if (reasons.length) return { verdict: 'cannot', reasons, notes };

  if (adapter.isFallback) notes.push({ code: 'software_adapter' });
  const needMB = model.vramMB;
  if (needMB === null) return { verdict: 'may_not_fit', reasons: [{ code: 'memory_need_unknown' }], notes };
  const memoryGB = probe.deviceMemoryGB;
  if (memoryGB !== null && needMB > memoryGB * 1024 * 0.75) {
    reasons.push({ code: 'memory_over_device', neededBytes: needMB * 1048576, deviceMemoryGB: memoryGB });
  } else if (memoryGB === null && needMB > TYPICAL_GPU_MEMORY_MB) {
    reasons.push({ code: 'memory_unreported', neededBytes: needMB * 1048576 });
  }
  return { verdict: reasons.length ? 'may_not_fit' : 'runs', reasons, notes };
}
