// The model check's verdicts and thresholds, apart from the check itself so Settings can show them
// without loading the structured-output and pipeline code (they stay out of the initial bundle).

export type ModelVerdict = 'suitable' | 'usable_with_caution' | 'not_suitable';

/** The documented thresholds (docs/evaluation.md). */
export const MODEL_CHECK_THRESHOLDS = {
  suitable: { macroF1: 0.8, gradeValid: 0.95, stepValid: 0.66 },
  caution: { macroF1: 0.65, gradeValid: 0.8 },
} as const;

export const VERDICT_LABELS: Record<ModelVerdict, string> = {
  suitable: 'Suitable',
  usable_with_caution: 'Usable with caution',
  not_suitable: 'Not suitable',
};

