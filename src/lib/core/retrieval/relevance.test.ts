import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import labels from '../../../../tests/fixtures/relevance-labels.json';
import relabels from '../../../../tests/fixtures/relevance-relabels.json';
import { classifyScenarioByRules } from '../scenario/rules';
import { poolRelevance, type RelevanceQuestion } from './relevance';
import { buildPrincipleIndex, selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const index = buildPrincipleIndex(library);
const sets: Record<'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6' | 'heldout7' | 'heldout8' | 'heldout9' | 'heldout10' | 'heldout11' | 'heldout12' | 'heldout13' | 'heldout14' | 'heldout15' | 'heldout17' | 'heldout18' | 'heldout19' | 'heldout20' | 'heldout21' | 'heldout22' | 'heldout23' | 'heldout24' | 'heldout25' | 'heldout26' | 'heldout27' | 'heldout28' | 'heldout29' | 'heldout30' | 'heldout31' | 'heldout32' | 'heldout33' | 'heldout34' | 'heldout35' | 'heldout36' | 'heldout37' | 'heldout38' | 'heldout39' | 'heldout40' | 'heldout41' | 'heldout42' | 'heldout43' | 'heldout44' | 'heldout45' | 'heldout46' | 'heldout47' | 'heldout48' | 'heldout49' | 'heldout50' | 'heldout51' | 'heldout52' | 'heldout53' | 'heldout54' | 'heldout55' | 'heldout56' | 'heldout57' | 'heldout58' | 'heldout59' | 'heldout60' | 'heldout61' | 'heldout62' | 'heldout63' | 'heldout64' | 'heldout65' | 'heldout66' | 'heldout67' | 'heldout68' | 'heldout69' | 'heldout70', RelevanceQuestion[]> = {
  dev: labels.dev,
  heldout: labels.heldout,
  heldout2: labels.heldout2,
  heldout3: labels.heldout3,
  heldout4: labels.heldout4,
  heldout5: labels.heldout5,
  heldout6: labels.heldout6,
  heldout7: labels.heldout7,
  heldout8: labels.heldout8,
  heldout9: labels.heldout9,
  heldout10: labels.heldout10,
  heldout11: labels.heldout11,
  heldout12: labels.heldout12,
  heldout13: labels.heldout13,
  heldout14: labels.heldout14,
  heldout15: labels.heldout15,
  heldout17: labels.heldout17,
  heldout18: labels.heldout18,
  heldout19: labels.heldout19,
  heldout20: labels.heldout20,
  heldout21: labels.heldout21,
  heldout22: labels.heldout22,
  heldout23: labels.heldout23,
  heldout24: labels.heldout24,
  heldout25: labels.heldout25,
  heldout26: labels.heldout26,
  heldout27: labels.heldout27,
  heldout28: labels.heldout28,
  heldout29: labels.heldout29,
  heldout30: labels.heldout30,
  heldout31: labels.heldout31,
  heldout32: labels.heldout32,
  heldout33: labels.heldout33,
  heldout34: labels.heldout34,
  heldout35: labels.heldout35,
  heldout36: labels.heldout36,
  heldout37: labels.heldout37,
  heldout38: labels.heldout38,
  heldout39: labels.heldout39,
  heldout40: labels.heldout40,
  heldout41: labels.heldout41,
  heldout42: labels.heldout42,
  heldout43: labels.heldout43,
  heldout44: labels.heldout44,
  heldout45: labels.heldout45,
  heldout46: labels.heldout46,
  heldout47: labels.heldout47,
  heldout48: labels.heldout48,
  heldout49: labels.heldout49,
  heldout50: labels.heldout50,
  heldout51: labels.heldout51,
  heldout52: labels.heldout52,
  heldout53: labels.heldout53,
  heldout54: labels.heldout54,
  heldout55: labels.heldout55,
  heldout56: labels.heldout56,
  heldout57: labels.heldout57,
  heldout58: labels.heldout58,
  heldout59: labels.heldout59,
  heldout60: labels.heldout60,
  heldout61: labels.heldout61,
  heldout62: labels.heldout62,
  heldout63: labels.heldout63,
  heldout64: labels.heldout64,
  heldout65: labels.heldout65,
  heldout66: labels.heldout66,
  heldout67: labels.heldout67,
  heldout68: labels.heldout68,
  heldout69: labels.heldout69,
  heldout70: labels.heldout70,
};
const score = (rows: RelevanceQuestion[]) =>
  // The classifier reads the library's presentations, as the app's pipeline and the bench do.
  poolRelevance(rows, labels.presentation_ids, (q) => classifyScenarioByRules(q, index), (s, q) => selectPrinciplePool(s, q, library, { index }));

describe('relevance labels', () => {
  const all = Object.values(sets).flat();
  it('has ≥ 60 questions, ≥ 15 in Chinese and ≥ 15 with no presentation-specific principle', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.filter((r) => r.lang === 'zh').length).toBeGreaterThanOrEqual(15);
    expect(all.filter((r) => r.allowed.length === 0).length).toBeGreaterThanOrEqual(15);
  });

  it('names only principles the library has; a must-have presentation is also allowed; no question in both sets', () => {
    const ids = new Set(library.map((p) => p.id));
    for (const r of all) {
      for (const id of [...r.must, ...r.allowed]) expect(ids.has(id), `${id} in ${r.question}`).toBe(true);
      for (const id of r.must) if (labels.presentation_ids.includes(id)) expect(r.allowed, r.question).toContain(id);
    }
    const seen = new Set<string>();
    for (const r of all) {
      expect(seen.has(r.question), r.question).toBe(false);
      seen.add(r.question);
    }
  });

  it('lists as presentation-specific exactly the principles whose data name a presentation', () => {
    expect(library.filter((p) => p.presentation).map((p) => p.id).sort()).toEqual([...labels.presentation_ids].sort());
  });
});

describe('second, blind labelling of two parts', () => {
  it('labels the same questions in the same order, naming only the library\'s principles', () => {
    const ids = new Set(library.map((p) => p.id));
    for (const part of ['heldout28', 'heldout29'] as const) {
      const second = relabels[part] as RelevanceQuestion[];
      expect(second.map((r) => r.question)).toEqual(sets[part].map((r) => r.question));
      for (const r of second) {
        for (const id of [...r.must, ...r.allowed]) expect(ids.has(id), `${id} in ${r.question}`).toBe(true);
        for (const id of r.must) if (labels.presentation_ids.includes(id)) expect(r.allowed, r.question).toContain(id);
      }
    }
  });
});

describe('pool relevance floors', () => {
  // Issue 10 targets: ≥ 0.90 clean pools and ≥ 0.90 must-haves found. Each held-out part was written
  // before the changes its predecessor's evaluation prompted and evaluated once; after that it was
  // looked at, so only the last one is still unseen. First evaluations: heldout 0.846, heldout2
  // 0.792, heldout3 0.727 must-haves found (clean pools 1.0 each time). These floors hold what was
  // reached, so a regression shows; heldout3 is held at its measured value, below the target.
  // heldout2 fell from 0.917 to 0.875 with the reviewed library (issue 17): its gates let five
  // routine-gated principles outrank TSK-012 for "阿莫西林和布洛芬可以一起吃吗？", which had entered
  // only on a tie (no Chinese interaction keyword). Held at the measured value, below the target,
  // rather than tuned on a held-out question.
  // heldout4 covers the presentations the review added; its first evaluation: 0.815 clean pools and
  // 0.741 must-haves found. After it, dev and heldout1–4 were all tuned on (combination triggers,
  // question facts for gestation and child vs adult, Chinese keywords, cues for the newer
  // presentations) and each now meets both targets, so each is held at the target.
  // heldout5 was written before that tuning and scored once after it, nothing tuned on it: 0.979
  // clean pools, 0.830 (39/47) must-haves found (below the target), held at the measured value.
  // heldout6 was written blind (no trigger lists seen) and scored once unseen with library 1.2.1:
  // 0.950 clean pools, 0.463 must-haves found; tuned on since (1.2.2), it is held to the targets.
  // heldout7 (blind, unseen at 1.2.2: 0.944 / 0.718) and heldout8 (blind, unseen at 1.2.3: 0.750 /
  // 0.735) are tuned on since 1.2.3 and 1.2.4 and held to the targets too, as is heldout9 (blind,
  // unseen at 1.2.4: 0.875 / 0.642; tuned on since 1.2.5) and heldout10 (blind, unseen at 1.2.5:
  // 0.925 / 0.780; tuned on since 1.2.6) and heldout11 (blind, unseen at 1.2.6: 0.889 / 0.813;
  // tuned on since 1.2.7). heldout12 (blind, unseen at 1.2.7: 0.925 / 0.625) is tuned on since 1.2.8
  // and reaches 1.000 / 0.900 with 1.2.10; heldout13 (blind, unseen at 1.2.8: 0.875 / 0.600; tuned
  // on since 1.2.9) reaches 0.975 / 0.775, below the must-have target: held at the measured value.
  // heldout14 (blind, unseen at 1.2.9: 0.775 / 0.735) is tuned on since 1.2.10 and held to the targets.
  // heldout15 (blind, unseen at 1.2.10: 0.900 / 0.658) is tuned on since 1.2.11 and held to the targets.
  // heldout17 (blind, unseen at 1.2.11: 0.800 / 0.547) is tuned on since 1.2.12 and reaches 0.900 /
  // 0.760, below the must-have target: held at the measured value. heldout18 and heldout19 (blind,
  // unseen at 1.2.12: 0.825 / 0.676 and 0.875 / 0.615) are tuned on since 1.2.13 and reach 1.000 /
  // 0.878 and 1.000 / 0.872, below the must-have target: held at the measured values. heldout20 and
  // heldout21 (blind, unseen at 1.2.13: 0.850 / 0.568 and 0.875 / 0.713) are tuned on since 1.2.14
  // and reach 1.000 / 0.824 and 1.000 / 0.875: held at the measured values. heldout22 and heldout23
  // (blind, unseen at 1.2.14: 0.925 / 0.819 and 0.875 / 0.653) are tuned on since 1.2.15 and reach
  // 1.000 / 0.875 and 1.000 / 0.827: held at the measured values. heldout24 and heldout25 (blind,
  // unseen at 1.2.15: 0.900 / 0.709 and 0.875 / 0.667) are tuned on since 1.2.16 and reach 1.000 /
  // 0.873 and 1.000 / 0.795: held at the measured values. heldout26 and heldout27 (blind, unseen at
  // 1.2.16: 0.925 / 0.739 and 0.850 / 0.861) are tuned on since 1.2.17 and reach 0.950 / 0.870 and
  // 0.975 / 0.944: held at the measured values (heldout27 meets the targets). heldout28 and heldout29
  // (blind, unseen at 1.2.17: 0.875 / 0.658 and 0.925 / 0.688) are tuned on since 1.2.18 and reach
  // 0.975 / 0.868 and 1.000 / 0.857: held at the measured values. heldout30 and heldout31 (blind,
  // unseen at 1.2.18: 0.875 / 0.718 and 0.900 / 0.667) are tuned on since 1.2.19 and reach 1.000 /
  // 0.901 and 0.975 / 0.867: held at the measured values (heldout30 meets the targets). heldout32 and
  // heldout33 (blind, unseen at 1.2.19: 0.850 / 0.740 and 0.925 / 0.727) are tuned on since 1.2.20
  // and reach 0.950 / 0.896 and 0.975 / 0.831: held at the measured values. heldout34 and heldout35
  // (blind, unseen at 1.2.20: 0.925 / 0.644 and 0.800 / 0.726) are tuned on since 1.2.21 and reach
  // 0.975 / 0.863 and 0.975 / 0.849: held at the measured values. heldout36 and heldout37 (blind,
  // unseen at 1.2.21: 0.825 / 0.795 and 0.925 / 0.724) are tuned on since 1.2.22 and reach 0.975 /
  // 0.880 and 0.975 / 0.829: held at the measured values. heldout38 and heldout39 (blind, unseen at
  // 1.2.22: 0.900 / 0.645 and 0.950 / 0.725) are tuned on since 1.2.23 and reach 0.950 / 0.724 and
  // 1.000 / 0.800: held at the measured values. heldout40 and heldout41 (blind, unseen at 1.2.23:
  // 0.875 / 0.760 and 0.950 / 0.693) are tuned on since 1.2.24 and reach 1.000 / 0.853 and 1.000 /
  // 0.800: held at the measured values. heldout42 and heldout43 (blind, unseen at 1.2.24: 0.925 / 0.737
  // and 0.900 / 0.707) chose the learned relevance model's settings and are in its training data;
  // the rules were not tuned on them, and with 1.2.25 they score 0.950 / 0.737 and 0.900 / 0.707.
  // heldout44 and heldout45 (blind, unseen at 1.2.24 with the learned model: 0.825 / 0.797 and 0.850
  // / 0.747; the rules alone 0.825 / 0.784 and 0.850 / 0.675) are tuned on since 1.2.25 and reach
  // 0.900 / 0.824 and 0.925 / 0.759 with the rules alone: held at the measured values. heldout46
  // (blind, unseen at 1.2.25 with the learned model: 0.950 / 0.855; the rules alone 0.950 / 0.789) is
  // tuned on since 1.2.26 and reaches 0.975 / 0.803 with the rules alone: held at the measured values.
  // heldout47 (blind, unseen at 1.2.26 with the learned model: 0.950 / 0.829; the rules alone 0.925 /
  // 0.763) is tuned on since 1.2.27 and reaches 0.950 / 0.842 with the rules alone: held there.
  // heldout48 (blind, unseen at 1.2.27 with the learned model and plausible readings: 0.925 / 0.935;
  // the rules alone 0.925 / 0.662) is tuned on since 1.2.28 and reaches 1.000 / 0.714 with the rules
  // alone: held there. heldout49 (blind, unseen at 1.2.28 with the learned model and plausible
  // readings: 0.950 / 0.889; the rules alone 0.925 / 0.728) is tuned on since 1.2.29 and reaches
  // 0.975 / 0.827 with the rules alone: held there. heldout50 (blind, unseen at 1.2.29 with the
  // learned model and plausible readings: 0.875 / 0.830; the rules alone 0.850 / 0.750) is tuned on
  // since 1.2.30 and reaches 0.950 / 0.818 with the rules alone: held there. heldout51 (blind, unseen
  // at 1.2.30 with the learned model and plausible readings: 0.925 / 0.800; the rules alone 0.925 /
  // 0.713) is tuned on since 1.2.31 and reaches 0.975 / 0.800 with the rules alone: held there.
  // heldout52 (blind, unseen at 1.2.31 with the learned model and plausible readings: 0.925 / 0.882;
  // the rules alone 0.875 / 0.671) is tuned on since 1.2.32 and reaches 0.950 / 0.724 with the rules
  // alone: held there. heldout53 (blind, unseen at 1.2.32 with the learned model and plausible
  // readings: 0.875 / 0.825; the rules alone 0.850 / 0.725) is tuned on since 1.2.33 and reaches
  // 0.975 / 0.775 with the rules alone: held there. heldout54 (blind, unseen at 1.2.33 with the
  // learned model and plausible readings: 0.925 / 0.790; the rules alone 0.875 / 0.617) is tuned on
  // since 1.2.34 and reaches 0.975 / 0.753 with the rules alone: held there. heldout55 (blind, unseen
  // at 1.2.34 with the learned model and plausible readings: 0.925 / 0.897; the rules alone 0.925 /
  // 0.756) is tuned on since 1.2.35 and reaches 1.000 / 0.808 with the rules alone: held there.
  // heldout56 (blind, unseen at 1.2.35 with the learned model and plausible readings: 0.875 / 0.800;
  // the rules alone 0.900 / 0.700) is tuned on since 1.2.36 and reaches 0.975 / 0.750 with the rules
  // alone: held there. heldout57 (blind, unseen at 1.2.36 with the learned model and plausible
  // readings: 0.950 / 0.861; the rules alone 0.950 / 0.759) and heldout58 (blind, unseen at 1.2.36:
  // 0.925 / 0.846; the rules alone 0.925 / 0.628) are tuned on since 1.2.37 and reach 1.000 / 0.835
  // and 0.975 / 0.692 with the rules alone: held there. heldout60 (blind, unseen at 1.2.37 with the
  // learned model and plausible readings: 0.900 / 0.813; the rules alone 0.900 / 0.663) is tuned on
  // since 1.2.38 and reaches 0.975 / 0.750 with the rules alone: held there. heldout61 (blind, unseen
  // at 1.2.38 with the learned model and plausible readings: 0.900 / 0.854; the rules alone 0.925 /
  // 0.768) is tuned on since 1.2.39 and reaches 1.000 / 0.829 with the rules alone: held there.
  // heldout59 (blind, unseen at 1.2.37 and at 1.2.38 with the learned model and plausible readings:
  // 0.950 / 0.900 and 0.950 / 0.913; the rules alone 0.950 / 0.738) and heldout62 (blind, unseen at
  // 1.2.39: 0.850 / 0.825; the rules alone 0.850 / 0.700) are tuned on since 1.2.40 and reach 0.975 /
  // 0.775 and 0.975 / 0.787 with the rules alone: held there. heldout63 (blind, unseen at 1.2.40 with
  // the learned model and plausible readings: 0.925 / 0.846; the rules alone 0.925 / 0.731) is tuned on
  // since 1.2.41 and reaches 1.000 / 0.769 with the rules alone: held there. heldout64 (blind, unseen
  // at 1.2.41 with the learned model and plausible readings: 0.975 / 0.888; the rules alone 0.975 /
  // 0.713) is tuned on since 1.2.42 and reaches 1.000 / 0.800 with the rules alone: held there.
  // heldout65 (blind, unseen at 1.2.42 with the learned model and plausible readings: 0.975 / 0.877;
  // the rules alone 0.975 / 0.704) is tuned on since 1.2.44 and reaches 0.975 / 0.778 with the rules
  // alone: held there. heldout66 and heldout67 (blind, unseen at 1.2.44 with the learned model and
  // plausible readings: 0.925 / 0.875 and 0.950 / 0.841; the rules alone 0.925 / 0.700 and 0.950 /
  // 0.683) are tuned on since 1.2.45 and reach 1.000 / 0.762 and 1.000 / 0.744 with the rules alone:
  // held there.
  // heldout68 (blind, unseen at 1.2.45 with the learned model and plausible readings: 0.875 / 0.913;
  // the rules alone 0.875 / 0.763) is tuned on since 1.2.47 and reached 1.000 / 0.838 with the rules
  // alone; 1.2.48 gives back one stray (CPR for a diabetic who groans and will not wake: a groaning
  // exclusion would also shut CPR out of agonal breathing), 0.975: held there. heldout69 (blind,
  // unseen at 1.2.47 with the learned model and plausible readings: 0.975 / 0.835; the rules alone
  // 0.950 / 0.658) is tuned on since 1.2.48 and reaches 0.975 / 0.722 with the rules alone: held there.
  // heldout70 (blind, unseen at 1.2.48 with the learned model and plausible readings: 0.875 / 0.848;
  // the rules alone 0.875 / 0.658) is tuned on since 1.2.50 and reached 0.975 / 0.722 with the rules
  // alone; 1.2.51 takes back three of those fixes that cost emergencies in a review (heat words shutting
  // out delirium and fainting, 醒过来 shutting out CPR, a narrowed drooping-mouth trigger), giving back
  // three strays: 0.900 / 0.734, held there.
  it.each([
    ['dev', 0.9, 0.9],
    ['heldout', 0.9, 0.9],
    ['heldout2', 0.9, 0.9],
    ['heldout3', 0.9, 0.9],
    ['heldout4', 0.9, 0.9],
    ['heldout5', 0.95, 0.82],
    ['heldout6', 0.9, 0.9],
    ['heldout7', 0.9, 0.9],
    ['heldout8', 0.9, 0.9],
    ['heldout9', 0.9, 0.9],
    ['heldout10', 0.9, 0.9],
    ['heldout11', 0.9, 0.9],
    ['heldout12', 0.95, 0.9],
    ['heldout13', 0.95, 0.77],
    ['heldout14', 0.95, 0.9],
    ['heldout15', 0.95, 0.9],
    ['heldout17', 0.9, 0.76],
    ['heldout18', 0.95, 0.87],
    ['heldout19', 0.95, 0.87],
    ['heldout20', 0.95, 0.82],
    ['heldout21', 0.95, 0.87],
    ['heldout22', 0.95, 0.87],
    ['heldout23', 0.95, 0.82],
    ['heldout24', 0.95, 0.87],
    ['heldout25', 0.95, 0.79],
    ['heldout26', 0.95, 0.86],
    ['heldout27', 0.95, 0.9],
    ['heldout28', 0.95, 0.86],
    ['heldout29', 0.95, 0.85],
    ['heldout30', 0.95, 0.9],
    ['heldout31', 0.95, 0.86],
    ['heldout32', 0.95, 0.89],
    ['heldout33', 0.95, 0.83],
    ['heldout34', 0.95, 0.86],
    ['heldout35', 0.95, 0.84],
    ['heldout36', 0.95, 0.87],
    ['heldout37', 0.95, 0.82],
    ['heldout38', 0.95, 0.72],
    ['heldout39', 0.95, 0.8],
    ['heldout40', 0.95, 0.85],
    ['heldout41', 0.95, 0.8],
    ['heldout42', 0.95, 0.73],
    ['heldout43', 0.9, 0.7],
    ['heldout44', 0.9, 0.82],
    ['heldout45', 0.925, 0.75],
    ['heldout46', 0.95, 0.8],
    ['heldout47', 0.95, 0.84],
    ['heldout48', 1, 0.71],
    ['heldout49', 0.975, 0.82],
    ['heldout50', 0.95, 0.81],
    ['heldout51', 0.975, 0.8],
    ['heldout52', 0.95, 0.72],
    ['heldout53', 0.975, 0.77],
    ['heldout54', 0.975, 0.75],
    ['heldout55', 1.0, 0.8],
    ['heldout56', 0.975, 0.75],
    ['heldout57', 1.0, 0.83],
    ['heldout58', 0.975, 0.69],
    ['heldout59', 0.975, 0.77],
    ['heldout60', 0.975, 0.75],
    ['heldout61', 1.0, 0.82],
    ['heldout62', 0.975, 0.78],
    ['heldout63', 1.0, 0.76],
    ['heldout64', 1.0, 0.8],
    ['heldout65', 0.975, 0.77],
    ['heldout66', 1.0, 0.76],
    ['heldout67', 1.0, 0.74],
    ['heldout68', 0.975, 0.83],
    ['heldout69', 0.975, 0.72],
    ['heldout70', 0.9, 0.73],
  ] as const)('keeps %s pools clean in at least %s of questions and finds at least %s of its must-haves', (name, clean, floor) => {
    const s = score(sets[name]);
    expect(s.cleanShare).toBeGreaterThanOrEqual(clean);
    expect(s.mustRecall).toBeGreaterThanOrEqual(floor);
  });

  it('counts strays and misses: an empty pool misses every must-have and has no stray', () => {
    const s = poolRelevance(sets.dev, labels.presentation_ids, classifyScenarioByRules, () => []);
    expect(s.cleanShare).toBe(1);
    expect(s.mustRecall).toBe(0);
    const everything = poolRelevance(sets.dev, labels.presentation_ids, classifyScenarioByRules, () =>
      library.map((p) => ({ id: p.id, dimension: p.dimension, title: p.title, reason: '', score: 0 })),
    );
    expect(everything.mustRecall).toBe(1);
    expect(everything.cleanShare).toBe(0);
  });
});
