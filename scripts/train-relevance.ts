// Trains the learned relevance model (src/lib/core/learned) on every labelled part the retrieval
// bench counts as tuned on, and writes principles/learned/relevance.json. The parts it measures the
// shipped library with stay out. Run: npm run learn
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TUNED_PARTS as TUNED_ON } from '../bench/support/relevanceParts';
import { encodeLearned } from '../src/lib/core/learned/model';
import { labelledRows, trainLearnedRelevance } from '../src/lib/core/learned/train';
import relevance from '../tests/fixtures/relevance-labels.json';
import scenarioLabels from '../tests/fixtures/scenario-labels.json';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'principles/library.json'), 'utf8')) as { version: string };
const model = trainLearnedRelevance({
  rows: labelledRows(relevance as never, TUNED_ON),
  presentationIds: new Set(relevance.presentation_ids),
  parts: TUNED_ON,
  libraryVersion: manifest.version,
  scenarioRows: scenarioLabels.dev as never,
  scenarioParts: ['scenario-labels dev'],
});
const file = encodeLearned(model);
writeFileSync(join(root, 'principles/learned/relevance.json'), `${JSON.stringify(file)}\n`);
console.log(`learned relevance: ${file.trainedOn.questions} questions from ${TUNED_ON.length} parts (and ${file.trainedOn.scenarioQuestions} more for the scenario); ${Object.keys(file.pool.principles).length} pool principles`);
