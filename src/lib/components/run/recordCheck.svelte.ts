// The stored-record check (core/history/runRecord) is built on zod, which stays out of the first-visit
// bundle: it loads beside the page as soon as a run view exists. Until it has loaded, only a run this
// tab is producing is shown unchecked (valid by construction); a stored one waits the few milliseconds.

import type { Run } from '../../core/types';
import type { CheckedRun } from '../../core/history/runRecord';

type Check = (value: unknown) => CheckedRun | null;

const state = $state<{ check: Check | null }>({ check: null });
let loading: Promise<void> | null = null;

/** Starts loading the check (once); if the code cannot load, records are shown as stored. */
export function loadRecordCheck(): Promise<void> {
  loading ??= import('../../core/history/runRecord').then(
    (m) => void (state.check = m.checkRunRecord),
    () => void (state.check = (value) => ({ run: value as Run, repaired: [] })),
  );
  return loading;
}

/** The run as it can be shown, or null while the check is still loading. */
export function checkedRun(record: Run): CheckedRun | null {
  if (!state.check) return null;
  return state.check(record) ?? { run: record, repaired: [] };
}
