// Principle pool selection: relevance on the labelled set (tests/fixtures/relevance-labels.json:
// clean pools, must-haves found, Chinese classifier accuracy; dev and held-out), trigger word forms
// (exact variant lists vs stemmers), and speed: ≤ 2 ms per selection at the shipped library's size
// and ≤ 50 ms at 10,000 synthetic ones. Index building (once per library) is reported separately.

import { performance } from 'node:perf_hooks';
import { readShippedPrinciples } from '../cli/library';
import { stemmer as porterStemmer } from 'stemmer';
import { buildPrincipleIndex, selectPrinciplePool } from '../src/lib/core/retrieval/selectPool';
import { poolRelevance, type RelevanceQuestion } from '../src/lib/core/retrieval/relevance';
import { stem } from '../src/lib/core/retrieval/text';
import { scenarioAccuracy, type LabelledQuestion } from '../src/lib/core/scenario/accuracy';
import relevance from '../tests/fixtures/relevance-labels.json';
import relabels from '../tests/fixtures/relevance-relabels.json';
import { classifyScenarioByRules } from '../src/lib/core/scenario/rules';
import { classifyScenarioOffline } from '../src/lib/core/scenario/offline';
import { decodeLearned, encodeLearned, type LearnedRelevance } from '../src/lib/core/learned/model';
import { labelledRows, trainLearnedRelevance } from '../src/lib/core/learned/train';
import { learnedPoolHints, shippedLearnedRelevance } from '../src/lib/core/learned/shipped';
import { seededRandom } from '../src/lib/core/random';
import type { Principle, Scenario } from '../src/lib/core/types';
import labels from '../tests/fixtures/scenario-labels.json';
import type { BenchOutcome } from './run';
import { TUNED_PARTS } from './support/relevanceParts';
import { formatTable } from './table';

/** p95 selection targets: the shipped library (119 principles when issue 10 set it; larger since) and 10,000. */
const TARGET_MS = { shipped: 2, synthetic: 50 } as const;
/** Targets from issue 10, on both the dev and the held-out part of the relevance set. */
const RELEVANCE_TARGETS = { cleanShare: 0.9, mustRecall: 0.9, chineseUrgency: 0.9 } as const;

type RelevanceRow = RelevanceQuestion & LabelledQuestion;
/**
 * dev and heldout1–4: tuned on. Each held-out part was written before the changes its predecessor's
 * first evaluation prompted, and evaluated once before being looked at (see docs/principles.md);
 * after heldout4's evaluation all five were tuned on together. heldout5 was written before that
 * tuning and was evaluated unseen (library 1.2.0: clean 97.9%, must-haves 83.0%); it has been tuned
 * on since (library 1.2.1). heldout6 was written blind (ids, titles, statements and gates only) while
 * heldout5 was being tuned on, by someone who never saw the triggers; scored once unseen (library
 * 1.2.1: must-haves found 46.3%, clean pools 95.0%, Chinese urgency 60%), it has been tuned on since
 * (library 1.2.2). heldout7 was written blind the same way while heldout6 was tuned on; scored once
 * unseen (library 1.2.2: must-haves found 71.8%, clean pools 94.4%, Chinese urgency 50%), it has been
 * tuned on since (library 1.2.3). heldout8 and heldout9 were written blind by two more labellers while
 * heldout7 was tuned on; heldout8 was scored once unseen (library 1.2.3: must-haves found 73.5%, clean
 * pools 75.0%, Chinese urgency 84.0%) and tuned on since (library 1.2.4); heldout9 was scored once
 * unseen (library 1.2.4: must-haves found 64.2%, clean pools 87.5%, Chinese urgency 95.2%) and tuned
 * on since (library 1.2.5). heldout10 was written blind by a fourth labeller meanwhile; scored once
 * unseen (library 1.2.5: must-haves found 78.0%, clean pools 92.5%, Chinese urgency 94.7%), it has
 * been tuned on since (library 1.2.6). heldout11 was written blind by a fifth labeller after 1.2.6
 * was committed; scored once unseen (library 1.2.6: must-haves found 81.3%, clean pools 88.9%,
 * Chinese urgency 100%), it has been tuned on since (library 1.2.7). heldout12 was written blind by
 * a sixth labeller after 1.2.7 was committed; scored once unseen (library 1.2.7: must-haves found
 * 62.5%, clean pools 92.5%, Chinese urgency 83.3%), it has been tuned on since (library 1.2.8).
 * heldout13 was written blind by a seventh labeller and committed after 1.2.8; scored once unseen
 * (library 1.2.8: must-haves found 60.0%, clean pools 87.5%, Chinese urgency 77.8%), it has been
 * tuned on since (library 1.2.9). heldout14 was written blind by an eighth labeller and delivered
 * after 1.2.9 was committed; scored once unseen (library 1.2.9: must-haves found 73.5%, clean pools
 * 77.5%, Chinese urgency 77.8%), it has been tuned on since (library 1.2.10). heldout15 was written
 * blind by a ninth labeller and delivered after 1.2.10 was committed; scored once unseen (library
 * 1.2.10: must-haves found 65.8%, clean pools 90.0%, Chinese urgency 77.8%), it has been tuned on
 * since (library 1.2.11). heldout17 was written blind by an eleventh labeller and delivered after 1.2.11
 * was committed; scored once unseen (library 1.2.11: must-haves found 54.7%, clean pools 80.0%,
 * Chinese urgency 88.9%), it has been tuned on since (library 1.2.12). (A tenth labeller's heldout16
 * was never delivered.) heldout18 and heldout19 were written blind by a twelfth and a thirteenth
 * labeller, each on its own, and delivered after 1.2.12 was committed; scored once unseen (library
 * 1.2.12: must-haves found 67.6% / 61.5%, clean pools 82.5% / 87.5%, Chinese urgency 94.4% / 77.8%),
 * they have been tuned on since (library 1.2.13). heldout20 and heldout21 were written blind by a
 * fourteenth and a fifteenth labeller while heldout18 and heldout19 were tuned on, and added after
 * 1.2.13 was committed; scored once unseen (library 1.2.13: must-haves found 56.8% / 71.3%, clean
 * pools 85.0% / 87.5%, Chinese urgency 72.2% / 77.8%), they have been tuned on since (library 1.2.14).
 * heldout22 and heldout23 were written blind by a sixteenth and a seventeenth labeller while heldout20
 * and heldout21 were tuned on, and added after 1.2.14 was committed; scored once unseen (library
 * 1.2.14: must-haves found 81.9% / 65.3%, clean pools 92.5% / 87.5%, Chinese urgency 94.4% / 83.3%),
 * they have been tuned on since (library 1.2.15). heldout24 and heldout25 were written blind by an
 * eighteenth and a nineteenth labeller while heldout22 and heldout23 were tuned on, and added after
 * 1.2.15 was committed; scored once unseen (library 1.2.15: must-haves found 70.9% / 66.7%, clean
 * pools 90.0% / 87.5%, Chinese urgency 88.9% / 94.4%), they have been tuned on since (library 1.2.16).
 * heldout26 and heldout27 were written blind by a twentieth and a twenty-first labeller while
 * heldout24 and heldout25 were tuned on, and added after 1.2.16 was committed; scored once unseen
 * (library 1.2.16: must-haves found 73.9% / 86.1%, clean pools 92.5% / 85.0%, Chinese urgency 100% /
 * 94.4%), they have been tuned on since (library 1.2.17). heldout28 and heldout29 were written blind
 * by a twenty-second and a twenty-third labeller while heldout26 and heldout27 were tuned on, and added
 * after 1.2.17 was committed; scored once unseen (library 1.2.17: must-haves found 65.8% / 68.8%, clean
 * pools 87.5% / 92.5%, Chinese urgency 77.8% / 83.3%), they have been tuned on since (library 1.2.18). heldout30 and heldout31 were written blind by a
 * twenty-fourth and a twenty-fifth labeller while heldout28 and heldout29 were tuned on, and added after
 * 1.2.18 was committed; scored once unseen (library 1.2.18: must-haves found 71.8% / 66.7%, clean pools
 * 87.5% / 90.0%, Chinese urgency 88.9% / 100%), they have been tuned on since (library 1.2.19). heldout32 and heldout33 were written blind by a
 * twenty-sixth and a twenty-seventh labeller while heldout30 and heldout31 were tuned on, and added after
 * 1.2.19 was committed; scored once unseen (library 1.2.19: must-haves found 74.0% / 72.7%, clean pools
 * 85.0% / 92.5%, Chinese urgency 77.8% / 94.4%), they have been tuned on since (library 1.2.20). heldout34 and heldout35 were written blind by a
 * twenty-eighth and a twenty-ninth labeller while heldout32 and heldout33 were tuned on, and added after
 * 1.2.20 was committed; scored once unseen (library 1.2.20: must-haves found 64.4% / 72.6%, clean pools
 * 92.5% / 80.0%, Chinese urgency 94.4% / 77.8%), they have been tuned on since (library 1.2.21). heldout36 and heldout37 were written blind by a
 * thirtieth and a thirty-first labeller while heldout34 and heldout35 were tuned on, and added after
 * 1.2.21 was committed; scored once unseen (library 1.2.21: must-haves found 79.5% / 72.4%, clean pools
 * 82.5% / 92.5%, Chinese urgency 88.9% / 88.9%), they have been tuned on since (library 1.2.22). heldout38 and heldout39 were written blind by a
 * thirty-second and a thirty-third labeller while heldout36 and heldout37 were tuned on, and added after
 * 1.2.22 was committed; scored once unseen (library 1.2.22: must-haves found 64.5% / 72.5%, clean pools
 * 90.0% / 95.0%, Chinese urgency 88.9% / 77.8%), they have been tuned on since (library 1.2.23). heldout40 and heldout41 were written blind by a
 * thirty-fourth and a thirty-fifth labeller while heldout38 and heldout39 were tuned on, and added after
 * 1.2.23 was committed; scored once unseen (library 1.2.23: must-haves found 76.0% / 69.3%, clean pools
 * 87.5% / 95.0%, Chinese urgency 94.4% / 83.3%), they have been tuned on since (library 1.2.24). heldout42 and heldout43 were written blind by a
 * thirty-sixth and a thirty-seventh labeller while heldout40 and heldout41 were tuned on, and added after
 * 1.2.24 was committed; scored once unseen (library 1.2.24: must-haves found 73.7% / 70.7%, clean
 * pools 92.5% / 90.0%, Chinese urgency 100% / 77.8%), they chose the learned relevance model's
 * settings and are in its training data. heldout44 and heldout45 were written blind by a
 * thirty-eighth and a thirty-ninth labeller while the learned model was built, and added after it
 * was committed; scored once unseen (library 1.2.24 with the learned model: must-haves found 79.7% /
 * 74.7%, clean pools 82.5% / 85.0%, Chinese urgency 83.3% / 83.3%), they have been tuned on since
 * (library 1.2.25) and are in the learned model's training data. heldout46 was written blind by a
 * fortieth labeller while heldout44 and heldout45 were tuned on, and added after 1.2.25 and the
 * learned model reading three dimensions were committed; scored once unseen (1.2.25 with that
 * model: must-haves found 85.5%, clean pools 95.0%, Chinese urgency 94.4%), it has been tuned on
 * since (library 1.2.26) and is in the learned model's training data. heldout47 was written blind by
 * a forty-first labeller while heldout46 was tuned on, and added after 1.2.26 was committed; scored
 * once unseen (1.2.26 with the learned model: must-haves found 82.9%, clean pools 95.0%, Chinese
 * urgency 83.3%), it has been tuned on since (library 1.2.27, with plausible readings) and is in the
 * learned model's training data. heldout48 was written blind by a forty-second labeller while
 * heldout47 was tuned on, and added after 1.2.27 and plausible readings were committed; scored once
 * unseen (1.2.27 with the learned model and plausible readings: must-haves found 93.5%, clean pools
 * 92.5%, Chinese urgency 88.9%), it has been tuned on since (library 1.2.28) and is in the learned
 * model's training data. heldout49 was written blind by a forty-third labeller while heldout48 was
 * tuned on, and added after 1.2.28 was committed; scored once unseen (1.2.28 with the learned model
 * and plausible readings: must-haves found 88.9%, clean pools 95.0%, Chinese urgency 90.0%), it has
 * been tuned on since (library 1.2.29) and is in the learned model's training data. heldout50 was
 * written blind by a forty-fourth labeller while heldout49 was tuned on, and added after 1.2.29 was
 * committed; scored once unseen (1.2.29 with the learned model and plausible readings: must-haves
 * found 83.0%, clean pools 87.5%, Chinese urgency 85.0%), it has been tuned on since (library
 * 1.2.30) and is in the learned model's training data. heldout51 was written blind by a
 * forty-fifth labeller while heldout50 was tuned on, and added after 1.2.30 was committed; scored
 * once unseen (1.2.30 with the learned model and plausible readings: must-haves found 80.0%, clean
 * pools 92.5%, Chinese urgency 85.0%), it has been tuned on since (library 1.2.31) and is in the
 * learned model's training data. heldout52 was written blind by a forty-sixth labeller while
 * heldout51 was tuned on, and added after 1.2.31 was committed; scored once unseen (1.2.31 with the
 * learned model and plausible readings: must-haves found 88.2%, clean pools 92.5%, Chinese urgency
 * 100%), it has been tuned on since (library 1.2.32) and is in the learned model's training data.
 * heldout53 was written blind by a forty-seventh labeller while heldout52 was tuned on, and added
 * after 1.2.32 was committed; scored once unseen (1.2.32 with the learned model and plausible
 * readings: must-haves found 82.5%, clean pools 87.5%, Chinese urgency 85.0%), it has been tuned on
 * since (library 1.2.33) and is in the learned model's training data. heldout54 was written blind by
 * a forty-eighth labeller while heldout53 was tuned on, and added after 1.2.33 was committed; scored
 * once unseen (1.2.33 with the learned model and plausible readings: must-haves found 79.0%, clean
 * pools 92.5%, Chinese urgency 95.0%), it has been tuned on since (library 1.2.34) and is in the
 * learned model's training data. heldout55 was written blind by a forty-ninth labeller while
 * heldout54 was tuned on, and added after 1.2.34 was committed; scored once unseen (1.2.34 with the
 * learned model and plausible readings: must-haves found 89.7%, clean pools 92.5%, Chinese urgency
 * 95.2%), it has been tuned on since (library 1.2.35) and is in the learned model's training data.
 * heldout56 was written blind by a fiftieth labeller while heldout55 was tuned on, and added after
 * 1.2.35 was committed; scored once unseen (1.2.35 with the learned model and plausible readings:
 * must-haves found 80.0%, clean pools 87.5%, Chinese urgency 85.0%), it has been tuned on since
 * (library 1.2.36) and is in the learned model's training data. heldout57 was written blind by a
 * fifty-first labeller while heldout56 was tuned on, and added after 1.2.36 was committed; scored
 * once unseen (1.2.36 with the learned model and plausible readings: must-haves found 86.1%, clean
 * pools 95.0%, Chinese urgency 100%), it has been tuned on since (library 1.2.37) and is in the
 * learned model's training data. heldout58 was written blind by a fifty-second labeller while
 * heldout57's misses were being read, and added with 1.2.36 still shipped; scored once unseen
 * (must-haves found 84.6%, clean pools 92.5%, Chinese urgency 90.0%), it has been tuned on with
 * heldout57 since (library 1.2.37) and is in the learned model's training data. heldout59 was
 * written blind by a fifty-third labeller at the same time as heldout58, and added after 1.2.37 was
 * committed; scored once unseen with 1.2.37 (must-haves found 90.0%, clean pools 95.0%, Chinese
 * urgency 90.5%) and again, still unread, with 1.2.38 (91.3%, 95.0%, 90.5%), it has been tuned on
 * with heldout62 since (library 1.2.40) and is in the learned model's training data. heldout60 was written blind by a fifty-fourth labeller with
 * 1.2.37 shipped and nothing being tuned, and added untouched; scored once unseen (must-haves found
 * 81.3%, clean pools 90.0%, Chinese urgency 89.5%), it has been tuned on since (library 1.2.38) and
 * is in the learned model's training data. heldout61 was written blind by a fifty-fifth labeller
 * while heldout60 was being tuned on, and added untouched after 1.2.38 was committed; scored once
 * unseen (must-haves found 85.4%, clean pools 90.0%, Chinese urgency 100%), it has been tuned on
 * since (library 1.2.39) and is in the learned model's training data. heldout62 was written blind
 * by a fifty-sixth labeller with 1.2.38 shipped, and added untouched after 1.2.39 was committed;
 * scored once unseen (must-haves found 82.5%, clean pools 85.0%, Chinese urgency 90.5%), it has been
 * tuned on with heldout59 since (library 1.2.40) and is in the learned model's training data.
 * heldout63 was written blind by a fifty-seventh labeller with 1.2.39 shipped, and added untouched
 * after 1.2.40 was committed; scored once unseen (must-haves found 84.6%, clean pools 92.5%, Chinese
 * urgency 90.0%), it has been tuned on since (library 1.2.41) and is in the learned model's training
 * data. heldout64 was written blind by a fifty-eighth labeller with 1.2.40 shipped, and added
 * untouched after 1.2.41 was committed; scored once unseen (must-haves found 88.8%, clean pools
 * 97.5%, Chinese urgency 90.0%), it has been tuned on since (library 1.2.42) and is in the learned
 * model's training data. heldout65 was written blind by a fifty-ninth labeller with 1.2.41 shipped,
 * and added untouched after 1.2.42 was committed; scored once unseen (must-haves found 87.7%, clean
 * pools 97.5%, Chinese urgency 84.2%), it has been tuned on since (library 1.2.44) and is in the
 * learned model's training data. heldout66 and heldout67 were written blind by a sixtieth and a
 * sixty-first labeller with 1.2.43 shipped, and added untouched after 1.2.44 was committed; scored
 * once unseen (must-haves found 87.5% and 84.1%, clean pools 92.5% and 95.0%, Chinese urgency 89.5%
 * and 95.0%), they have been tuned on since (library 1.2.45) and are in the learned model's training
 * data. heldout68 was written blind by a sixty-second labeller with 1.2.44 shipped, and added
 * untouched after 1.2.45 was committed; scored once unseen (must-haves found 91.3%, clean pools
 * 87.5%, Chinese urgency 90.0%), it has been tuned on since (library 1.2.47) and is in the learned
 * model's training data. heldout69 was written blind by a sixty-third labeller with 1.2.45 shipped,
 * and added untouched after 1.2.47 was committed; scored once unseen (must-haves found 83.5%, clean
 * pools 97.5%, Chinese urgency 90.0%), it has been tuned on since (library 1.2.48) and is in the
 * learned model's training data. heldout70 was written blind by a sixty-fourth labeller with 1.2.47
 * shipped, and added untouched after 1.2.48 was committed; scored once unseen (must-haves found
 * 84.8%, clean pools 87.5%, Chinese urgency 90.5%), it has been tuned on since (library 1.2.50) and
 * is in the learned model's training data. heldout71 was written blind by a sixty-fifth labeller with
 * 1.2.48 shipped, and added untouched after 1.2.50 was committed: unseen, the shipped library's own
 * measurement.
 */
const RELEVANCE_SETS = {
  dev: relevance.dev as RelevanceRow[],
  heldout: relevance.heldout as RelevanceRow[],
  heldout2: relevance.heldout2 as RelevanceRow[],
  heldout3: relevance.heldout3 as RelevanceRow[],
  heldout4: relevance.heldout4 as RelevanceRow[],
  heldout5: relevance.heldout5 as RelevanceRow[],
  heldout6: relevance.heldout6 as RelevanceRow[],
  heldout7: relevance.heldout7 as RelevanceRow[],
  heldout8: relevance.heldout8 as RelevanceRow[],
  heldout9: relevance.heldout9 as RelevanceRow[],
  heldout10: relevance.heldout10 as RelevanceRow[],
  heldout11: relevance.heldout11 as RelevanceRow[],
  heldout12: relevance.heldout12 as RelevanceRow[],
  heldout13: relevance.heldout13 as RelevanceRow[],
  heldout14: relevance.heldout14 as RelevanceRow[],
  heldout15: relevance.heldout15 as RelevanceRow[],
  heldout17: relevance.heldout17 as RelevanceRow[],
  heldout18: relevance.heldout18 as RelevanceRow[],
  heldout19: relevance.heldout19 as RelevanceRow[],
  heldout20: relevance.heldout20 as RelevanceRow[],
  heldout21: relevance.heldout21 as RelevanceRow[],
  heldout22: relevance.heldout22 as RelevanceRow[],
  heldout23: relevance.heldout23 as RelevanceRow[],
  heldout24: relevance.heldout24 as RelevanceRow[],
  heldout25: relevance.heldout25 as RelevanceRow[],
  heldout26: relevance.heldout26 as RelevanceRow[],
  heldout27: relevance.heldout27 as RelevanceRow[],
  heldout28: relevance.heldout28 as RelevanceRow[],
  heldout29: relevance.heldout29 as RelevanceRow[],
  heldout30: relevance.heldout30 as RelevanceRow[],
  heldout31: relevance.heldout31 as RelevanceRow[],
  heldout32: relevance.heldout32 as RelevanceRow[],
  heldout33: relevance.heldout33 as RelevanceRow[],
  heldout34: relevance.heldout34 as RelevanceRow[],
  heldout35: relevance.heldout35 as RelevanceRow[],
  heldout36: relevance.heldout36 as RelevanceRow[],
  heldout37: relevance.heldout37 as RelevanceRow[],
  heldout38: relevance.heldout38 as RelevanceRow[],
  heldout39: relevance.heldout39 as RelevanceRow[],
  heldout40: relevance.heldout40 as RelevanceRow[],
  heldout41: relevance.heldout41 as RelevanceRow[],
  heldout42: relevance.heldout42 as RelevanceRow[],
  heldout43: relevance.heldout43 as RelevanceRow[],
  heldout44: relevance.heldout44 as RelevanceRow[],
  heldout45: relevance.heldout45 as RelevanceRow[],
  heldout46: relevance.heldout46 as RelevanceRow[],
  heldout47: relevance.heldout47 as RelevanceRow[],
  heldout48: relevance.heldout48 as RelevanceRow[],
  heldout49: relevance.heldout49 as RelevanceRow[],
  heldout50: relevance.heldout50 as RelevanceRow[],
  heldout51: relevance.heldout51 as RelevanceRow[],
  heldout52: relevance.heldout52 as RelevanceRow[],
  heldout53: relevance.heldout53 as RelevanceRow[],
  heldout54: relevance.heldout54 as RelevanceRow[],
  heldout55: relevance.heldout55 as RelevanceRow[],
  heldout56: relevance.heldout56 as RelevanceRow[],
  heldout57: relevance.heldout57 as RelevanceRow[],
  heldout58: relevance.heldout58 as RelevanceRow[],
  heldout59: relevance.heldout59 as RelevanceRow[],
  heldout60: relevance.heldout60 as RelevanceRow[],
  heldout61: relevance.heldout61 as RelevanceRow[],
  heldout62: relevance.heldout62 as RelevanceRow[],
  heldout63: relevance.heldout63 as RelevanceRow[],
  heldout64: relevance.heldout64 as RelevanceRow[],
  heldout65: relevance.heldout65 as RelevanceRow[],
  heldout66: relevance.heldout66 as RelevanceRow[],
  heldout67: relevance.heldout67 as RelevanceRow[],
  heldout68: relevance.heldout68 as RelevanceRow[],
  heldout69: relevance.heldout69 as RelevanceRow[],
  heldout70: relevance.heldout70 as RelevanceRow[],
  heldout71: relevance.heldout71 as RelevanceRow[],
};
/** The parts tuned on (the rest are unseen-question measurements). */
const TUNED_ON: ReadonlySet<string> = new Set(TUNED_PARTS);

/**
 * The learned relevance model each part is measured with: the shipped one for a part it was not
 * trained on; for a part it was trained on, one trained the same way without that part's fold (four
 * consecutive tuned parts), so no part is scored by a model that has seen its questions.
 */
const FOLD_PARTS = 4;
function learnedModels(): ReadonlyMap<string, LearnedRelevance> {
  const tuned = TUNED_PARTS;
  const models = new Map<string, LearnedRelevance>();
  const shippedModel = shippedLearnedRelevance();
  for (const name of Object.keys(RELEVANCE_SETS)) if (!TUNED_ON.has(name)) models.set(name, shippedModel);
  for (let start = 0; start < tuned.length; start += FOLD_PARTS) {
    const fold = tuned.slice(start, start + FOLD_PARTS);
    const parts = tuned.filter((p) => !fold.includes(p));
    const trained = trainLearnedRelevance({ rows: labelledRows(relevance as never, parts), presentationIds: new Set(relevance.presentation_ids), parts, libraryVersion: shippedModel.trainedOn.library, scenarioRows: labels.dev as never, scenarioParts: ['scenario-labels dev'] });
    // Through the file form, as the shipped model is (its weights rounded the same way).
    const model = decodeLearned(encodeLearned(trained));
    for (const p of fold) models.set(p, model);
  }
  return models;
}

/** Clean-pool share, must-have recall and Chinese classifier accuracy per set, with the shipped library. */
function relevanceReport(shipped: readonly Principle[], learned: ReadonlyMap<string, LearnedRelevance>) {
  const index = buildPrincipleIndex(shipped);
  const rows: (string | number)[][] = [];
  const json: Record<string, unknown> = {};
  const missed: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const [name, set] of Object.entries(RELEVANCE_SETS)) {
    const classify = (q: string) => classifyScenarioByRules(q, index);
    const score = poolRelevance(set, relevance.presentation_ids, classify, (s, q) => selectPrinciplePool(s, q, shipped, { index }));
    // The same with each question's labelled scenario: what retrieval does when classification is right.
    const byQuestion = new Map(set.map((r) => [r.question, { urgency: r.urgency, uncertainty: r.uncertainty, expertise: r.expertise, task_type: r.task_type }]));
    const oracle = poolRelevance(set, relevance.presentation_ids, (q) => byQuestion.get(q)!, (s, q) => selectPrinciplePool(s, q, shipped, { index }));
    // Rules and the learned model together (what the app, the CLI and synthesis use with no model).
    const model = learned.get(name)!;
    const classifyBoth = (q: string) => classifyScenarioOffline(q, index, model);
    const withPrior = poolRelevance(set, relevance.presentation_ids, classifyBoth, (s, q) => selectPrinciplePool(s, q, shipped, { index, ...learnedPoolHints(q, s, model) }));
    const zhBoth = scenarioAccuracy(set.filter((r) => r.lang === 'zh'), classifyBoth);
    const allBoth = scenarioAccuracy(set, classifyBoth);
    const zh = scenarioAccuracy(set.filter((r) => r.lang === 'zh'), classify);
    // Urgency over every question of the part, both languages: what decides the urgency principles.
    const all = scenarioAccuracy(set, classify);
    rows.push([TUNED_ON.has(name) ? `${name} (tuned on)` : `${name} (unseen)`, set.length, pct(withPrior.cleanShare), pct(withPrior.mustRecall), pct(allBoth.exact.urgency), pct(zhBoth.urgencyBinary), pct(score.cleanShare), pct(score.mustRecall), `${pct(oracle.cleanShare)} / ${pct(oracle.mustRecall)}`, pct(all.urgencyBinary), pct(all.exact.urgency), zh.n, pct(zh.urgencyBinary), pct(zh.exact.urgency), pct(zh.exact.uncertainty), pct(zh.exact.expertise), pct(zh.exact.task_type)]);
    json[name] = { tunedOn: TUNED_ON.has(name), learned: { cleanShare: withPrior.cleanShare, mustRecall: withPrior.mustRecall, urgency: { binary: allBoth.urgencyBinary, exact: allBoth.exact.urgency }, chinese: { n: zhBoth.n, urgencyBinary: zhBoth.urgencyBinary, exact: zhBoth.exact }, strays: withPrior.strays, missing: withPrior.missing }, ...score, labelledScenario: { cleanShare: oracle.cleanShare, mustRecall: oracle.mustRecall, missing: oracle.missing }, urgency: { binary: all.urgencyBinary, exact: all.exact.urgency }, chinese: { n: zh.n, urgencyBinary: zh.urgencyBinary, exact: zh.exact, misses: zh.misses } };
    // Targets judged on what ships: rules with the learned model.
    if (withPrior.cleanShare < RELEVANCE_TARGETS.cleanShare) missed.push(`${name}: clean pools ${pct(withPrior.cleanShare)} < 90%`);
    if (withPrior.mustRecall < RELEVANCE_TARGETS.mustRecall) missed.push(`${name}: must-haves found ${pct(withPrior.mustRecall)} < 90%`);
    if (zhBoth.urgencyBinary < RELEVANCE_TARGETS.chineseUrgency) missed.push(`${name}: Chinese urgency ${pct(zhBoth.urgencyBinary)} < 90%`);
  }
  const table = formatTable(
    ['set', 'questions', 'clean pools', 'must-haves found', 'urgency (4-way)', 'zh urgency (binary)', 'rules only: clean pools', 'must-haves found', 'clean / found with labelled scenario', 'urgency (binary)', 'urgency (4-way)', 'zh questions', 'zh urgency (binary)', 'zh urgency (4-way)', 'zh uncertainty', 'zh expertise', 'zh task type'],
    rows,
  );
  return { table, json, missed };
}

/** Parts labelled a second time, blind, by another labeller (tests/fixtures/relevance-relabels.json). */
const RELABELLED = { heldout28: relabels.heldout28 as RelevanceRow[], heldout29: relabels.heldout29 as RelevanceRow[] };

/**
 * How far two blind labellers agree on the same questions, and how the rules and the shipped pools
 * score against each: the ceiling the targets can be read against. Agreement is the second
 * labeller's labels scored against the first's (per dimension; Chinese urgency emergent/urgent vs
 * the rest), and the share of one labeller's must-haves that the other also named.
 */
function agreementReport(shipped: readonly Principle[]) {
  const index = buildPrincipleIndex(shipped);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows: (string | number)[][] = [];
  const json: Record<string, unknown> = {};
  const classify = (q: string) => classifyScenarioByRules(q, index);
  const select = (s: Scenario, q: string) => selectPrinciplePool(s, q, shipped, { index });
  for (const [name, second] of Object.entries(RELABELLED)) {
    const first = RELEVANCE_SETS[name as keyof typeof RELEVANCE_SETS];
    if (first.length !== second.length || first.some((r, i) => r.question !== second[i]!.question)) throw new Error(`${name}: the relabelled questions differ from the labelled ones`);
    const firstScenario = new Map(first.map((r) => [r.question, { urgency: r.urgency, uncertainty: r.uncertainty, expertise: r.expertise, task_type: r.task_type }]));
    const agree = scenarioAccuracy(second, (q) => firstScenario.get(q)!);
    const agreeZh = scenarioAccuracy(second.filter((r) => r.lang === 'zh'), (q) => firstScenario.get(q)!);
    const shared = (a: readonly RelevanceRow[], b: readonly RelevanceRow[]) => {
      const total = a.reduce((n, r) => n + r.must.length, 0);
      const inOther = a.reduce((n, r, i) => n + r.must.filter((m) => b[i]!.must.includes(m)).length, 0);
      return total ? inOther / total : 0;
    };
    const rulesFirst = scenarioAccuracy(first, classify);
    const rulesSecond = scenarioAccuracy(second, classify);
    const poolFirst = poolRelevance(first, relevance.presentation_ids, classify, select);
    const poolSecond = poolRelevance(second, relevance.presentation_ids, classify, select);
    rows.push([name, first.length, pct(agree.exact.urgency), pct(agree.exact.uncertainty), pct(agree.exact.expertise), pct(agree.exact.task_type), pct(agreeZh.urgencyBinary), `${pct(shared(first, second))} / ${pct(shared(second, first))}`, `${pct(rulesFirst.exact.urgency)} / ${pct(rulesSecond.exact.urgency)}`, `${pct(poolFirst.mustRecall)} / ${pct(poolSecond.mustRecall)}`, `${pct(poolFirst.cleanShare)} / ${pct(poolSecond.cleanShare)}`]);
    json[name] = {
      labellersAgree: { exact: agree.exact, chineseUrgencyBinary: agreeZh.urgencyBinary, firstMustInSecond: shared(first, second), secondMustInFirst: shared(second, first) },
      rules: { vsFirst: rulesFirst.exact, vsSecond: rulesSecond.exact },
      pools: { vsFirst: { mustRecall: poolFirst.mustRecall, cleanShare: poolFirst.cleanShare }, vsSecond: { mustRecall: poolSecond.mustRecall, cleanShare: poolSecond.cleanShare } },
    };
  }
  const table = formatTable(
    ['part', 'questions', 'labellers agree: urgency', 'uncertainty', 'expertise', 'task type', 'zh urgency (binary)', "must-haves shared (1st's in 2nd's / 2nd's in 1st's)", 'rules urgency vs 1st / 2nd', 'must-haves found vs 1st / 2nd', 'clean vs 1st / 2nd'],
    rows,
  );
  return { table, json };
}

/**
 * Trigger word forms, three ways, over the whole relevance set: the library's own variant lists
 * matched exactly (shipped), the project's light stemmer, and the Porter stemmer of the `stemmer`
 * package. Counted per question, under its labelled scenario (so the classifier is out of it): the
 * must-have presentation principles chosen, and presentation principles chosen that are not allowed.
 */
function wordFormReport(shipped: readonly Principle[]) {
  const all = Object.values(RELEVANCE_SETS).flat();
  const presentation = new Set(relevance.presentation_ids);
  const variants = { 'exact variant lists (shipped)': undefined, 'project stem (text.ts)': stem, 'Porter (stemmer 2.0.1)': porterStemmer };
  const rows: (string | number)[][] = [];
  const json: Record<string, unknown> = {};
  for (const [name, triggerStemmer] of Object.entries(variants)) {
    const index = buildPrincipleIndex(shipped, { triggerStemmer });
    let allowed = 0;
    let found = 0;
    let strays = 0;
    const strayList: string[] = [];
    for (const row of all) {
      const labelled: Scenario = { urgency: row.urgency, uncertainty: row.uncertainty, expertise: row.expertise, task_type: row.task_type };
      const ids = selectPrinciplePool(labelled, row.question, shipped, { index, maxSize: 119, perDimensionFloor: 0 })
        .map((e) => e.id)
        .filter((id) => presentation.has(id) && shipped.find((p) => p.id === id)?.presentation);
      const expected = row.must.filter((id) => presentation.has(id));
      allowed += expected.length;
      found += expected.filter((id) => ids.includes(id)).length;
      for (const id of ids) if (!row.allowed.includes(id)) (strays++, strayList.push(`${id}: ${row.question}`));
    }
    rows.push([name, `${found}/${allowed}`, strays]);
    json[name] = { found, expected: allowed, strays: strayList };
  }
  return { table: formatTable(['trigger word forms', 'must-have presentations triggered', 'stray triggers'], rows), json };
}

/** `count` principles made by recombining the shipped ones' words, so term statistics stay realistic. */
export function syntheticLibrary(base: readonly Principle[], count: number, seed = 7): Principle[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = base.flatMap((p) => p.statement.split(/\s+/));
  const keywords = base.flatMap((p) => p.keywords);
  const out: Principle[] = [];
  for (let i = 0; i < count; i++) {
    const model = base[i % base.length]!;
    const statement = Array.from({ length: 40 + Math.floor(rand() * 40) }, () => pick(words)).join(' ');
    out.push({
      ...model,
      id: `USR-syn-${i}`,
      title: Array.from({ length: 6 + Math.floor(rand() * 6) }, () => pick(words)).join(' '),
      statement,
      keywords: Array.from({ length: 6 + Math.floor(rand() * 8) }, () => pick(keywords)),
    });
  }
  return out;
}

interface Timing {
  median: number;
  p95: number;
  max: number;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

const questions = [...labels.dev, ...labels.heldout].map((r) => r.question);
const scenarios: Scenario[] = questions.map((q) => classifyScenarioByRules(q));

/** Times `rounds` passes over every labelled question against one library (warm: index cached). */
function timeSelection(principles: readonly Principle[], rounds: number): { build: number; cold: number; warm: Timing } {
  const t0 = performance.now();
  const index = buildPrincipleIndex(principles);
  const build = performance.now() - t0;
  // A fresh array of the same principles (no cached index; per-principle features cached), as when
  // the app re-reads the library from storage for a run: rebuild + one selection.
  const rebuilds: number[] = [];
  for (let i = 0; i < 7; i++) {
    const fresh = [...principles];
    const t1 = performance.now();
    selectPrinciplePool(scenarios[i]!, questions[i]!, fresh);
    rebuilds.push(performance.now() - t1);
  }
  const cold = summarise(rebuilds).median;
  for (let i = 0; i < 20; i++) selectPrinciplePool(scenarios[i % questions.length]!, questions[i % questions.length]!, principles, { index });
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    questions.forEach((q, i) => {
      const start = performance.now();
      selectPrinciplePool(scenarios[i]!, q, principles, { index });
      samples.push(performance.now() - start);
    });
  }
  return { build, cold, warm: summarise(samples) };
}

export async function runBench(): Promise<BenchOutcome> {
  const shipped = readShippedPrinciples();
  const rel = relevanceReport(shipped, learnedModels());
  const forms = wordFormReport(shipped);
  const agreement = agreementReport(shipped);
  const results = [
    { size: shipped.length, target: TARGET_MS.shipped, ...timeSelection(shipped, 20) },
    { size: 10_000, target: TARGET_MS.synthetic, ...timeSelection(syntheticLibrary(shipped, 10_000), 3) },
  ];
  const missed = [...rel.missed, ...results.flatMap((r) =>
    r.warm.p95 > r.target ? [`selection p95 at ${r.size} principles: ${r.warm.p95.toFixed(2)} ms > ${r.target} ms`] : [],
  )];
  const table = formatTable(
    ['principles', 'select median ms', 'select p95 ms', 'select max ms', 'target ms (p95)', 'first index build ms', 'fresh-array rebuild+select median ms'],
    results.map((r) => [r.size, r.warm.median, r.warm.p95, r.warm.max, r.target, r.build, r.cold]),
  );
  return {
    name: 'retrieval',
    table: `${rel.table}\n(tests/fixtures/relevance-labels.json. The first four columns are what ships: the rule-based classifier with the learned relevance model (urgency, expertise and task type blended, pool prior); a tuned part is scored by a model trained without its fold of ${FOLD_PARTS} parts, an unseen part by the shipped model. The rest: the rule-based classifier alone. Dev, heldout1–15 and heldout17–41 are tuned on (heldout5 since library 1.2.1, heldout6 since 1.2.2, heldout7 since 1.2.3, heldout8 since 1.2.4, heldout9 since 1.2.5, heldout10 since 1.2.6, heldout11 since 1.2.7, heldout12 since 1.2.8, heldout13 since 1.2.9, heldout14 since 1.2.10, heldout15 since 1.2.11, heldout17 since 1.2.12, heldout18 and heldout19 since 1.2.13, heldout20 and heldout21 since 1.2.14, heldout22 and heldout23 since 1.2.15, heldout24 and heldout25 since 1.2.16, heldout26 and heldout27 since 1.2.17, heldout28 and heldout29 since 1.2.18, heldout30 and heldout31 since 1.2.19, heldout32 and heldout33 since 1.2.20, heldout34 and heldout35 since 1.2.21, heldout36 and heldout37 since 1.2.22, heldout38 and heldout39 since 1.2.23, heldout40 and heldout41 since 1.2.24; heldout42 and heldout43 chose the learned model's settings and are in its training data; heldout44 and heldout45 since 1.2.25, heldout46 since 1.2.26, heldout47 since 1.2.27); later parts are unseen; strays and misses in bench/results/retrieval.json)\n\n${agreement.table}\n(tests/fixtures/relevance-relabels.json: the same questions labelled again, blind, by a second labeller who never saw the first's labels; rules and pools with the shipped library, which has been tuned on these parts against the first labeller's labels)\n\n${forms.table}\n(every relevance question under its labelled scenario, whole library as the pool: the classifier is out of it)\n\n${table}\n(${questions.length} labelled questions per pass; scenarios from the rule-based classifier. select = with the library's index already built;\n first index build includes tokenising every principle; fresh-array = the same principles re-read, as the app does per run)`,
    json: { node: process.version, relevance: rel.json, labellerAgreement: agreement.json, wordForms: forms.json, questions: questions.length, results },
    missed,
  };
}
