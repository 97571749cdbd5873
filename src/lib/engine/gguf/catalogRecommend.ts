// Which catalog model to offer on this device, from what the browser says about it (memory, storage,
// threads, WebGPU). Pure: the caller gathers the facts, so every rule is testable without a browser.

import { formatBytes } from '../../core/units';
import { GGUF_CATALOG, catalogEntryBytes, catalogEntryMemoryBytes, catalogEntryProblems, type CatalogEntry } from './catalog';
import { BROWSER_MEMORY_LIMIT_BYTES } from './ggufModel';

/** What the page knows about the device (each field as the browser reports it, null when it does not). */
export interface DeviceFacts {
  /** `navigator.deviceMemory`: approximate RAM in GB; Chromium reports at most 8. */
  deviceMemoryGB: number | null;
  /** `navigator.storage.estimate()`, in bytes. */
  storage: { quotaBytes: number; usageBytes: number } | null;
  /** `navigator.hardwareConcurrency`. */
  logicalCores: number;
  /** `crossOriginIsolated`: without it wllama runs on one thread. */
  crossOriginIsolated: boolean;
  /** The WebGPU adapter, when there is one. */
  webgpu: { isFallback: boolean; shaderF16: boolean } | null;
}

/** Where the model would run: the GPU, or this many CPU threads. */
export interface CatalogPlacement {
  runsOn: 'webgpu' | 'cpu';
  threads: number;
}

/** Why this entry (or why none), as data: the UI words it in the reader's language. */
export type CatalogReason =
  | ({ code: 'chosen_mixture'; name: string; totalParameters: number; activeParameters: number } & CatalogPlacement)
  | ({ code: 'chosen_dense'; name: string; totalParameters: number } & CatalogPlacement)
  /** None is fast enough; this is the lightest that fits, and it will be slow. */
  | ({ code: 'lightest_slow'; name: string } & CatalogPlacement)
  | { code: 'none_fits' };

export interface CatalogRecommendation {
  /** The entry to offer, or null when none fits this device. */
  entry: CatalogEntry | null;
  /** Where it would run. */
  runsOn: 'webgpu' | 'cpu';
  /** CPU threads llama.cpp would use. */
  threads: number;
  /** Why this entry (or why none). */
  reasons: CatalogReason[];
  /** Every other entry and why it was not chosen. */
  rejected: { id: string; reason: string }[];
}

/** RAM assumed when the browser does not report it: a modest laptop. */
const ASSUMED_DEVICE_MEMORY_GB = 4;
/** The share of the device's RAM one tab's model may take (the OS, the browser and other tabs need the rest). */
const MEMORY_SHARE = 0.5;
/** Free storage kept beyond the files themselves (the browser may evict near its quota). */
const STORAGE_MARGIN = 1.1;
/**
 * Parameters that may work per token for replies to stream at a readable pace — a rough rule:
 * decoding reads every active weight once per token, so its cost follows the active parameters.
 */
const ACTIVE_BUDGET_PER_THREAD = 0.25e9;
const ACTIVE_BUDGET_MIN_CPU = 0.5e9;
const ACTIVE_BUDGET_GPU = 4e9;

/** The threads wllama would use: one without cross-origin isolation, otherwise all but one core, 2 to 8. */
export function threadsFor(device: Pick<DeviceFacts, 'logicalCores' | 'crossOriginIsolated'>): number {
  if (!device.crossOriginIsolated || device.logicalCores <= 1) return 1;
  return Math.min(8, Math.max(2, device.logicalCores - 1));
}

/** WebGPU offload is worth using: a real (not software) adapter with 16-bit float shaders. */
export function webGpuUsable(device: Pick<DeviceFacts, 'webgpu'>): boolean {
  return device.webgpu !== null && !device.webgpu.isFallback && device.webgpu.shaderF16;
}

/**
 * The catalog entry to offer on this device: among entries a tab can run that fit the device's
 * memory, free storage and compute, mixture-of-experts models first (most knowledge for the work
 * per token), then the one with the most parameters. When none is fast enough but some fit, the
 * lightest is offered with a note that it will be slow; when none fits at all, `entry` is null.
 */
export function recommendCatalogEntry(device: DeviceFacts, catalog: readonly CatalogEntry[] = GGUF_CATALOG): CatalogRecommendation {
  const threads = threadsFor(device);
  const gpu = webGpuUsable(device);
  const runsOn = gpu ? 'webgpu' : 'cpu';
  const memoryGB = device.deviceMemoryGB ?? ASSUMED_DEVICE_MEMORY_GB;
  const memoryBudget = Math.min(BROWSER_MEMORY_LIMIT_BYTES, memoryGB * 1e9 * MEMORY_SHARE);
  const freeStorage = device.storage ? Math.max(0, device.storage.quotaBytes - device.storage.usageBytes) : null;
  const activeBudget = gpu ? ACTIVE_BUDGET_GPU : Math.max(ACTIVE_BUDGET_MIN_CPU, threads * ACTIVE_BUDGET_PER_THREAD);

  const rejected: CatalogRecommendation['rejected'] = [];
  const fits: CatalogEntry[] = [];
  const slow: CatalogEntry[] = [];
  for (const entry of catalog) {
    const problem = catalogEntryProblems(entry)[0];
    const memory = catalogEntryMemoryBytes(entry);
    const bytes = catalogEntryBytes(entry);
    if (problem) rejected.push({ id: entry.id, reason: problem });
    else if (memory > memoryBudget) {
      rejected.push({ id: entry.id, reason: `needs about ${formatBytes(memory)} of memory; ${device.deviceMemoryGB === null ? 'this browser does not report its memory, so' : `this device reports ${device.deviceMemoryGB} GB, so`} a tab should use at most ${formatBytes(memoryBudget)}` });
    } else if (freeStorage !== null && bytes * STORAGE_MARGIN > freeStorage) {
      rejected.push({ id: entry.id, reason: `its ${formatBytes(bytes)} download does not fit the ${formatBytes(freeStorage)} of browser storage left` });
    } else if (entry.activeParameters > activeBudget) {
      slow.push(entry);
    } else {
      fits.push(entry);
    }
  }

  const byPreference = (a: CatalogEntry, b: CatalogEntry) =>
    Number(b.mixture !== null) - Number(a.mixture !== null) || b.totalParameters - a.totalParameters || catalogEntryBytes(a) - catalogEntryBytes(b);
  const where = gpu ? 'on the GPU (WebGPU)' : `on ${threads} CPU thread${threads > 1 ? 's' : ''}`;
  const chosen = [...fits].sort(byPreference)[0];
  if (chosen) {
    for (const entry of fits) if (entry !== chosen) rejected.push({ id: entry.id, reason: `fits too, but ${chosen.name} is preferred` });
    for (const entry of slow) rejected.push({ id: entry.id, reason: `${formatCount(entry.activeParameters)} parameters work per token: too slow ${where}` });
    const placement = { runsOn, threads } as const;
    const reason: CatalogReason = chosen.mixture
      ? { code: 'chosen_mixture', name: chosen.name, totalParameters: chosen.totalParameters, activeParameters: chosen.activeParameters, ...placement }
      : { code: 'chosen_dense', name: chosen.name, totalParameters: chosen.totalParameters, ...placement };
    return { entry: chosen, runsOn, threads, rejected, reasons: [reason] };
  }
  // Nothing is fast enough: the lightest that fits, with a warning, beats offering nothing.
  const lightest = [...slow].sort((a, b) => a.activeParameters - b.activeParameters || byPreference(a, b))[0];
  if (lightest) {
    for (const entry of slow) if (entry !== lightest) rejected.push({ id: entry.id, reason: `${formatCount(entry.activeParameters)} parameters work per token: too slow ${where}` });
    return { entry: lightest, runsOn, threads, rejected, reasons: [{ code: 'lightest_slow', name: lightest.name, runsOn, threads }] };
  }
  return { entry: null, runsOn, threads, rejected, reasons: [{ code: 'none_fits' }] };
}

/** "1.3 B", "400 M". */
function formatCount(n: number): string {
  return n >= 1e9 ? `${Number((n / 1e9).toFixed(1))} B` : `${Math.round(n / 1e6)} M`;
}
