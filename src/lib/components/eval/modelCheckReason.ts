// A model-check reason in the reader's language, from the reason as data (core/eval/modelCheck.ts).
// The English catalog words it exactly as `modelCheckReasonText`, which the CLI prints.

import { t } from '../../i18n/index.svelte';
import type { ModelCheckReason } from '../../core/eval/modelCheck';
import { formatNumber, formatPercent } from '../format';

const f1 = (x: number) => formatNumber(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Why the model check gave its verdict. Needs the `eval` catalog (loaded with the pages that show it). */
export function modelCheckReasonWords(reason: ModelCheckReason): string {
  switch (reason.code) {
    case 'grading_too_low':
      return t('eval:check.reason.grading_too_low', { f1: f1(reason.macroF1), needed: formatNumber(reason.needed), suitable: formatNumber(reason.suitable) });
    case 'grades_unusable':
      return t('eval:check.reason.grades_unusable', { usable: formatPercent(reason.usable), needed: formatPercent(reason.needed) });
    case 'grading_moderate':
      return t('eval:check.reason.grading_moderate', { f1: f1(reason.macroF1), suitable: formatNumber(reason.suitable) });
    case 'grade_some_unusable':
      return t('eval:check.reason.grade_some_unusable', { usable: formatPercent(reason.usable), suitable: formatPercent(reason.suitable) });
    case 'classify_unusable':
      return t('eval:check.reason.classify_unusable', { usable: formatPercent(reason.usable) });
    case 'rubric_unusable':
      return t('eval:check.reason.rubric_unusable', { usable: formatPercent(reason.usable) });
    case 'suitable':
      return t('eval:check.reason.suitable');
  }
}
