// Which catalog model to offer when the chosen one cannot run on this GPU ("use this one instead"):
// the recommendation order, each candidate judged on the probed GPU with the user's other settings.

import { assessModel, type GpuProbe } from './capability';
import { recommendedModel } from './catalog';
import { resolveModel } from './modelSpec';
import { webLlmSettingsProblems, type WebLlmEngineSettings } from './settings';

/** A model to switch to, as the settings that choose it and its label. */
export interface RunnableAlternative {
  settings: WebLlmEngineSettings;
  label: string;
}

/**
 * When the model these settings choose cannot run on the probed GPU: the best catalog model that
 * runs there, with the same other settings. Null when the settings are unusable, the chosen model
 * can (or may) run, or no catalog model runs.
 */
export function runnableAlternative(settings: WebLlmEngineSettings, probe: GpuProbe): RunnableAlternative | null {
  if (webLlmSettingsProblems(settings).length) return null;
  if (assessModel(resolveModel(settings), probe).verdict !== 'cannot') return null;
  const model = recommendedModel((m) => assessModel(resolveModel({ ...settings, catalogId: m.id }), probe).verdict === 'runs');
  if (!model) return null;
  const alternative = { ...settings, catalogId: model.id };
  return { settings: alternative, label: resolveModel(alternative).label };
}
