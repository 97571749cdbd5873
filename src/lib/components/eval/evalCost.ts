// An evaluation's cost in the UI's language: calls and tokens, compact numbers through Intl.

import type { CostTotals } from '../../core/eval/usage';
import { t } from '../../i18n/index.svelte';
import { formatNumber } from '../format';

/** "412 calls · 1.2M tokens prefilled · 85K decoded" (in the current language). */
export function costText(cost: CostTotals): string {
  const compact = (n: number) => formatNumber(n, { notation: 'compact', maximumFractionDigits: 1 });
  const summary = t('eval:cost.summary', { count: cost.calls, prefilled: compact(cost.prefilled), decoded: compact(cost.decoded) });
  return cost.unreported ? summary + t('eval:cost.unreported', { count: cost.unreported }) : summary;
}
