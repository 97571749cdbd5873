// The app's shared services and state, created once in App.svelte and provided through context,
// so components and pages never construct repositories or engines themselves.

import { getContext, setContext } from 'svelte';
import type { DataRepository } from '../db/dataRepository';
import type { PrinciplesRepository } from '../db/principlesRepository';
import type { RubricReviewsRepository } from '../db/rubricReviewsRepository';
import type { RunsRepository } from '../db/runsRepository';
import type { SettingsRepository } from '../db/settingsRepository';
import type { EvaluationsRepository } from '../db/evaluationsRepository';
import type { EngineState } from './engine.svelte';
import type { EvaluationState } from './evaluation.svelte';
import type { GgufLibrary } from './ggufLibrary.svelte';
import type { HistoryState } from './history.svelte';
import type { LockState } from './lock.svelte';
import type { PrinciplesState } from './principles.svelte';
import type { OnDeviceState } from './onDevice.svelte';
import type { RubricsDeps } from './rubrics.svelte';
import type { Router } from './router.svelte';
import type { RunSession } from './runSession.svelte';
import type { SettingsState } from './settings.svelte';

export interface AppContext {
  repositories: { runs: RunsRepository; principles: PrinciplesRepository; settings: SettingsRepository; rubricReviews: RubricReviewsRepository; data: DataRepository; evaluations: EvaluationsRepository };
  settings: SettingsState;
  engine: EngineState;
  /** GGUF models kept in this browser (for the in-browser engine). */
  ggufLibrary: GgufLibrary;
  /** The GPU probe and model storage for the on-device engine. */
  device: OnDeviceState;
  session: RunSession;
  history: HistoryState;
  principles: PrinciplesState;
  /** What the rubric reviews (HealthRubrics) need; pages get the state with `rubricsStateFor(rubrics)`. */
  rubrics: RubricsDeps;
  router: Router;
  /** HealthBench-format evaluations and the model check. */
  evaluation: EvaluationState;
  /** The optional passphrase lock over runs, rubric reviews and evaluations. */
  lock: LockState;
}

const KEY = Symbol('clinrevise-app');

export function provideApp(app: AppContext): void {
  setContext(KEY, app);
}

/** The app context; only valid during component initialisation. */
export function useApp(): AppContext {
  const app = getContext<AppContext | undefined>(KEY);
  if (!app) throw new Error('useApp() called outside <App>');
  return app;
}

/** The app context when one is provided (components also rendered on their own, e.g. in a harness). */
export function useAppIfProvided(): AppContext | undefined {
  return getContext<AppContext | undefined>(KEY);
}
