// Paraphrases written after heldout38's and heldout39's evaluation, none of them in a labelled set:
// the kinds they showed the rules misreading, in other words than the sets', with look-alikes beside
// them so that each fix is held from both sides.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const classify = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(classify(q), q, library).map((e) => e.id);

describe('what is asked for', () => {
  it('reads a medication list for carers and a care plan to summarise as work on records', () => {
    expect(classify('can you turn this into a medication list for my dads carers: ramipril 5mg morning, metformin 500mg twice a day').task_type).toBe('documentation');
    expect(classify('please summarise my mums care plan for the new carers: she needs thickened fluids and help to stand').task_type).not.toBe('advice');
  });
});

describe('who is asking', () => {
  it('reads a Chinese shift heading with a patient in Latin shorthand as a clinician', () => {
    expect(classify('夜班 刚收的 23F T1DM 呕吐 呼吸深快 血酮6.1 补液怎么开').expertise).toBe('health_professional');
  });

  it('reads a pharmacy customer as the patient a Chinese pharmacist asks about', () => {
    const q = '社区药房 一个老顾客 肺癌化疗中 上周打的 今天说发烧38.7 寒战 想买退烧药';
    expect(classify(q).urgency).toBe('emergent');
    expect(pool(q)).toContain('URG-038');
  });
});

describe('no patient', () => {
  it('reads a tabletop drill or a scenario card as teaching', () => {
    expect(aboutNoPatient('running a tabletop exercise for the paramedic students: a child with anaphylaxis at a wedding, can you write the scenario card?')).toBe('teaching');
  });
});

describe('presentations in other words', () => {
  it.each([
    ['electrician mate touched a live wire and got thrown across the room, hes talking but has a mark on his hand', 'URG-024'],
    ['surfing today and took my board to the side of the head, mate says I was out of it, headache now', 'URG-008'],
    ['坐月子第10天 右边小腿又肿又疼 比左边粗一圈', 'URG-032'],
    ['I am 74 and for two weeks a new headache on one side, my scalp is so tender I cannot brush my hair', 'URG-031'],
    ['老伴走了以后儿子老来要钱 不给就骂 上周推了我一下 我撞到门框上', 'URG-045'],
  ])('brings the principle: %s', (q, id) => {
    expect(pool(q)).toContain(id);
  });

  it('reads a needle straight through a glove as urgent', () => {
    expect(classify('refuse collector, a needle went straight thru my glove into my hand this morning').urgency).toBe('urgent');
  });

  it('reads a knock to the head on warfarin, in French, as urgent', () => {
    expect(classify("mon père est sous warfarine, il est tombé au ski et s'est cogné la tête ce matin, il va bien").urgency).toBe('urgent');
  });

  it('reads thoughts of dying told with the I left out as someone\'s situation (Chinese)', () => {
    const q = '最近老失眠 胃口也差 有时候觉得不如死了算了 褪黑素和安眠药哪个好';
    expect(classify(q).urgency).not.toBe('not_applicable');
    expect(pool(q)).toContain('URG-019');
  });
});

describe('look-alikes that bring the wrong presentation', () => {
  it('keeps an overdose out of a question about which sleeping pill to take, and keeps it for thirty taken', () => {
    expect(pool('晚上老睡不着 能不能吃点安眠药 吃哪种好')).not.toContain('URG-020');
    expect(pool('我妈刚才一下子吃了30片安眠药 现在叫不醒')).toContain('URG-020');
  });

  it('keeps safeguarding out of a feverish child\'s non-blanching spots', () => {
    const q = '儿科护士 患儿3岁 发热39.5 躯干瘀点瘀斑 压之不褪色 嗜睡 先做什么';
    expect(pool(q)).not.toContain('URG-041');
  });

  it('keeps the after-birth principle out of a swollen calf after a caesarean (Chinese)', () => {
    expect(pool('剖腹产完两周 左小腿又肿又疼 摸着热 没有胸痛')).not.toContain('URG-048');
  });

  it('keeps stroke out of heat stroke with slurred talk', () => {
    const q = '工地37度 一个工人突然说胡话 说话含糊 站不稳 皮肤很烫 摸着是干的';
    expect(pool(q)).toContain('URG-036');
    expect(pool(q)).not.toContain('URG-005');
  });
});
