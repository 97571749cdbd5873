// The History page: the list of past runs and one run opened from it.
export default {
  title: 'History',
  allRuns: '← All runs',
  missing: "That run is not in this browser's history (it may have been deleted).",
  empty: 'No runs yet. Ask a question and it will appear here.',
  status: { interrupted: 'interrupted', running: 'running', failed: 'failed', stopped: 'stopped' },
  deleteLabel: 'Delete run: {{question}}',
} as const;
