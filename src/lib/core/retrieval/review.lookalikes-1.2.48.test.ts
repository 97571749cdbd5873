// Look-alikes from a review of library 1.2.48: questions its new rules misread, most of them real
// emergencies the older library got right. Each fails on 1.2.48.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const scenario = (q: string) => classifyScenarioByRules(q, library);
const pool = (q: string) => selectPrinciplePool(scenario(q), q, library).map((e) => e.id);

describe('an episode that got better, then something now, in Chinese', () => {
  it('keeps a stroke after a past TIA an emergency', () => {
    expect(scenario('爷爷上回也是说话含糊、手没劲，之后过了一会儿就好了，医生说是小中风。现在嘴歪了，右手抬不起来，还要去医院吗').urgency).toBe('emergent');
  });
  it('keeps cauda equina after back pain that settled last year an emergency', () => {
    expect(scenario('我老公去年也是腰疼，后来贴膏药就好了。现在屁股周围发麻，尿不出来，两条腿没力气').urgency).toBe('emergent');
  });
  it('keeps a swelling face and hard breathing after a past reaction an emergency', () => {
    expect(scenario('上次也是这样，孩子吃了虾以后嘴巴肿，后来吃了药就好了。现在嘴唇肿，脸也肿了，呼吸有点费劲').urgency).toBe('emergent');
  });
  it('keeps a diabetic who will not wake now an emergency', () => {
    expect(scenario('我妈上次低血糖，后来喝了糖水就好了。现在叫不醒，浑身是汗').urgency).toBe('emergent');
  });
  it('keeps a dry nappy all morning after a past tummy bug urgent', () => {
    expect(scenario('宝宝上次拉肚子，后来吃了蒙脱石散就好了。现在又拉又吐，尿不湿一上午都是干的，哭没眼泪').urgency).toBe('urgent');
  });
});

describe('heat stroke today after heat stroke before, in Chinese', () => {
  it('keeps the heat-stroke principle and the emergency', () => {
    const q = '我师傅以前也中暑过，今天在工地上浑身滚烫，不出汗，说胡话，叫了120以后我们能做什么';
    expect(pool(q)).toContain('URG-036');
    expect(scenario(q).urgency).toBe('emergent');
  });
});

describe('long-standing problems with a plan for the next few days, in Chinese', () => {
  it('keeps old stroke after-effects and an old back problem routine', () => {
    expect(scenario('我爸中风后遗症好几年了，右手一直没劲，说话有点含糊，这几天想给他买个按摩仪，有推荐吗').urgency).not.toBe('emergent');
    expect(scenario('腰椎间盘突出好多年了，左腿一直麻，屁股也有点麻，老毛病了，这两天想去游泳可以吗').urgency).not.toBe('emergent');
  });
  it('keeps sun and a knee that will not straighten, and dizziness on blood-pressure tablets in the heat, out of heat stroke', () => {
    expect(pool('我妈膝盖骨关节炎多年，蹲下就站不起来，这周大太阳，想带她出去晒晒太阳要注意什么')).not.toContain('URG-036');
    expect(scenario('这几天高温，吃了降压药有点晕乎乎的，要不要减量').urgency).not.toBe('emergent');
  });
});

describe('a correct weekly methotrexate prescription, in Chinese', () => {
  it('is not urgent', () => {
    expect(scenario('处方审核：甲氨蝶呤 15mg 每周一次，叶酸 5mg 每日一次，这样开对吗？').urgency).not.toBe('urgent');
  });
});

describe('a high NEWS2 with fluids, without infection', () => {
  it('brings no sepsis principle for DKA or heart failure', () => {
    expect(pool('I\'m an F1: 24F with DKA, glucose 28, ketones 5.2, NEWS2 7. How fast should the fluids go?')).not.toContain('URG-054');
    expect(pool('Nurse here. 80M with acute heart failure, NEWS2 8, on 15L, crackles to the mid zones - should I stop his IV fluids?')).not.toContain('URG-054');
  });
});
