// A pool entry's reason in the reader's language, from the reason as data (core/retrieval/selectPool.ts).
// The English catalog words it exactly as the core's English text, which the CLI and stored runs use.

import { t } from '../i18n/index.svelte';
import type { Dimension, PoolReason } from '../core/types';

const fitLabel = (value: string) => t(`ask:pool.why.fit.${value}` as 'ask:pool.why.fit.other', { defaultValue: value });

function join(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(t('ask:pool.why.separator'))}${t('ask:pool.why.lastSeparator')}${words[words.length - 1]}`;
}

/** Why a principle is in the pool, worded in the current language. */
export function poolReasonWords(r: PoolReason, dimension: Dimension): string {
  const quote = (term: string) => t('ask:pool.why.quoted', { term });
  const parts: string[] = [];
  if (r.triggers.length) parts.push(t(r.emergencySign ? 'ask:pool.why.mentionsEmergency' : 'ask:pool.why.mentions', { terms: join(r.triggers.map(quote)), presentation: r.presentation ?? '' }));
  const fits = join(
    r.fits.map((f) =>
      f.beyondUrgency ? t('ask:pool.why.beyondUrgency', { fit: fitLabel(f.value) }) : f.plausible ? t('ask:pool.why.plausible', { fit: fitLabel(f.value) }) : fitLabel(f.value),
    ),
  );
  if (parts.length === 0) parts.push(r.fits.length ? t('ask:pool.why.appliesFirst', { fits }) : t('ask:pool.why.everyQuestionFirst'));
  else parts.push(r.fits.length ? t('ask:pool.why.applies', { fits }) : t('ask:pool.why.everyQuestion'));
  if (r.terms.length) {
    const terms = join(r.terms.map(quote));
    parts.push(r.triggers.length ? t('ask:pool.why.alsoMentions', { terms }) : t('ask:pool.why.alsoMentionsFirst', { terms }));
  }
  if (r.learned) parts.push(t('ask:pool.why.learned'));
  if (r.coverage) parts.push(t('ask:pool.why.coverage', { dimension: t(`ask:pool.why.dimension.${dimension}`) }));
  return `${parts.join(t('ask:pool.why.partSeparator'))}${t('ask:pool.why.end')}`;
}
