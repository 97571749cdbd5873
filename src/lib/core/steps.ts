// The pipeline's steps and how they are named to the user in English (CLI, logs, stored failure
// messages). The app's screens translate step names through the i18n catalogs instead.

import type { StepName } from './types';

/** How each step is named to the user. */
export const STEP_LABELS: Record<StepName, string> = {
  classify: 'Classifying the question',
  select_principles: 'Selecting principles',
  rubric: 'Writing the rubric',
  draft: 'Drafting the answer',
  grade: 'Grading the answer',
  revise: 'Revising the answer',
};
