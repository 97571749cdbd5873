// A new user's first on-device model, chosen for this device: the default model when it runs on the
// probed GPU, else the first model of the recommendation order that does — or a plain "none does",
// so the Ask page can point to the GGUF engine (CPU, in this browser) or a server instead.
// "Runs" means a real GPU: a software (fallback) adapter would answer on the CPU, very slowly.

import type { EngineSettings } from '../engine';
import { CONFIRM_ABOVE_BYTES, hostOf } from '../engine/gguf';
import {
  DEFAULT_WEBLLM_SETTINGS,
  assessModel,
  recommendedModel,
  resolveModel,
  type CachedModel,
  type GpuProbe,
  type ResolvedModel,
  type WebLlmEngineSettings,
} from '../engine/webllm';

export type FirstRunChoice =
  /** Nothing to change: not a first run, the probe has not answered, or the default runs here. */
  | { kind: 'keep' }
  /** The default does not run well here; this catalog model does. */
  | { kind: 'preselect'; settings: WebLlmEngineSettings; label: string }
  /** No catalog model runs on this device's GPU. */
  | { kind: 'none'; reason: 'no_webgpu' | 'software_gpu' | 'too_small' };

/** Whether these are still the settings a new user starts with (never changed in Settings). */
export function isUntouchedDefault(settings: EngineSettings): boolean {
  return JSON.stringify(settings) === JSON.stringify(DEFAULT_WEBLLM_SETTINGS);
}

function runsWell(settings: WebLlmEngineSettings, probe: GpuProbe): boolean {
  return !probe.adapter?.isFallback && assessModel(resolveModel(settings), probe).verdict === 'runs';
}

/** What a first run should use on the probed device (see FirstRunChoice). */
export function firstRunChoice(settings: EngineSettings, probe: GpuProbe | null): FirstRunChoice {
  if (!probe || settings.kind !== 'webllm' || !isUntouchedDefault(settings)) return { kind: 'keep' };
  if (!probe.api || !probe.adapter) return { kind: 'none', reason: 'no_webgpu' };
  if (probe.adapter.isFallback) return { kind: 'none', reason: 'software_gpu' };
  if (runsWell(settings, probe)) return { kind: 'keep' };
  const model = recommendedModel((m) => runsWell({ ...settings, catalogId: m.id }, probe));
  if (!model) return { kind: 'none', reason: 'too_small' };
  const chosen = { ...settings, catalogId: model.id };
  return { kind: 'preselect', settings: chosen, label: resolveModel(chosen).label };
}

/**
 * Where web-llm fetches a model's weights from. Catalog (prebuilt) models come from web-llm's own
 * list, whose weights are all on huggingface.co (a unit test checks this against web-llm's list).
 */
export const PREBUILT_WEIGHTS_HOST = 'huggingface.co';

export function downloadHost(model: ResolvedModel): string {
  return model.modelUrl ? hostOf(model.modelUrl, typeof location === 'undefined' ? undefined : location.href) : PREBUILT_WEIGHTS_HOST;
}

/**
 * Whether loading `model` would start a download large enough to ask first: more than 100 MB (the
 * same threshold as the GGUF catalog) and not already in the browser's cache. A custom model has no
 * known size; its URLs are the user's own, typed in Settings, so that choice is the consent.
 */
export function needsDownloadConfirmation(model: ResolvedModel, cached: CachedModel | undefined): boolean {
  if (cached?.complete) return false;
  return model.downloadBytes !== null && model.downloadBytes > CONFIRM_ABOVE_BYTES;
}
