// The engine's reasons (what the GPU can run, which catalog model to offer) in the reader's language,
// from the reasons as data (engine/webllm/capability.ts, engine/gguf/catalogRecommend.ts).

import { t } from '../i18n/index.svelte';
import type { CatalogPlacement, CatalogReason } from '../engine/gguf';
import type { FitNote, FitReason, ModelFit } from '../engine/webllm';
import { formatCount, formatNumber, formatSize } from './format';

/** Why a model cannot run or may not fit on this GPU. */
export function fitReasonWords(reason: FitReason): string {
  switch (reason.code) {
    case 'buffer_too_small':
      return t('engine:fit.reason.buffer_too_small', { needed: formatSize(reason.neededBytes), allowed: formatSize(reason.allowedBytes) });
    case 'memory_over_device':
      return t('engine:fit.reason.memory_over_device', {
        needed: formatSize(reason.neededBytes),
        memory: formatNumber(reason.deviceMemoryGB, { style: 'unit', unit: 'gigabyte', unitDisplay: 'short' }),
      });
    case 'memory_unreported':
      return t('engine:fit.reason.memory_unreported', { needed: formatSize(reason.neededBytes) });
    default:
      return t(`engine:fit.reason.${reason.code}`);
  }
}

/** A caveat that does not change the verdict. */
export function fitNoteWords(note: FitNote): string {
  return t(`engine:fit.note.${note.code}`);
}

/** The verdict with its reasons ("cannot run here: needs shader-f16, …"). */
export function fitVerdictWords(fit: ModelFit): string {
  const verdict = t(`engine:fit.${fit.verdict}`);
  if (!fit.reasons.length) return verdict;
  return t('engine:fit.withReasons', { verdict, reasons: fit.reasons.map(fitReasonWords).join(t('engine:fit.separator')) });
}

/** The caveats in parentheses, or '' when there are none. */
export function fitNotesWords(fit: ModelFit): string {
  return fit.notes.length ? t('engine:fit.notes', { notes: fit.notes.map(fitNoteWords).join(t('engine:fit.separator')) }) : '';
}

const placementWords = (p: CatalogPlacement) => (p.runsOn === 'webgpu' ? t('engine:catalog.why.onGpu') : t('engine:catalog.why.onCpu', { count: p.threads }));

/** Why the catalog recommends this entry (or none). */
export function catalogReasonWords(reason: CatalogReason): string {
  switch (reason.code) {
    case 'chosen_mixture':
      return t('engine:catalog.why.chosen_mixture', {
        name: reason.name,
        total: formatCount(reason.totalParameters),
        active: formatCount(reason.activeParameters),
        where: placementWords(reason),
      });
    case 'chosen_dense':
      return t('engine:catalog.why.chosen_dense', { name: reason.name, total: formatCount(reason.totalParameters), where: placementWords(reason) });
    case 'lightest_slow':
      return t('engine:catalog.why.lightest_slow', { name: reason.name, where: placementWords(reason) });
    case 'none_fits':
      return t('engine:catalog.why.none_fits');
  }
}
