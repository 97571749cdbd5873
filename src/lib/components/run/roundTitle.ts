// A round's name in the UI ("Draft", "Revision 2", "Your answer"), shared by the trace, chart and diff.
import { t } from '../../i18n/index.svelte';
import type { Round } from '../../core/types';

/** The round's display name in the current language. */
export function roundTitle(round: Pick<Round, 'kind' | 'index'>): string {
  if (round.kind === 'revision') return t('ask:round.revision', { round: round.index });
  return round.kind === 'user_draft' ? t('ask:round.yourAnswer') : t('ask:round.draft');
}
