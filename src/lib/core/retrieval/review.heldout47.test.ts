// Paraphrases written after heldout47's evaluation, none of them in a labelled set: the kinds it
// showed the rules misreading, in other words than the set's, with look-alikes beside them.
import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { aboutNoPatient, statedGestationWeeks } from './questionFacts';
import { selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const pool = (q: string) => selectPrinciplePool(classifyScenarioByRules(q, library), q, library).map((e) => e.id);

describe('a scald told by what was spilt', () => {
  it('reads just-boiled soy milk or water knocked over onto the skin as a scald, and boiling as cooking as none', () => {
    expect(pool('我在早点摊炸油条 隔壁小孩把一锅刚烧开的豆浆打翻了 泼在腿上 红了一片 起水泡了 要不要去医院')).toContain('URG-024');
    expect(pool('刚烧开的水壶被我碰翻了 洒到手背上 红了 起了两个泡')).toContain('URG-024');
    expect(pool('豆浆要煮多久才算烧开 没烧开的喝了会不会拉肚子')).not.toContain('URG-024');
  });
});

describe('a child dehydrating, in dialect', () => {
  it('reads 屙稀, a dry 尿片子 and 没得眼泪 as dehydration, and diarrhoea with normal nappies as none', () => {
    expect(pool('我家娃儿三岁 昨天开始屙稀 今天吐了好几次 尿片子半天都是干的 哭起来没得眼泪')).toContain('URG-012');
    expect(pool('孩子拉稀两天 精神还好 尿片也正常 吃什么好')).not.toContain('URG-012');
  });
});

describe('a baby moving less, told by how kicky she usually is', () => {
  it('reads weeks "with my first" as a gestation, and fewer little movements than her usual kicks as reduced movements', () => {
    expect(statedGestationWeeks('32 weeks with my first, usually really kicky after dinner')).toBe(32);
    expect(statedGestationWeeks('my son is 32 weeks old')).toBeNull();
    expect(pool('32 weeks with my first, usually really kicky after dinner but tonight only a couple of little movements')).toContain('URG-014');
    expect(pool('34 weeks with my first and she is really kicky at night, is that a good sign?')).not.toContain('URG-014');
  });
});

describe('a school exam in biology', () => {
  it('reads a biology exam question on ketoacidosis as teaching, and a parent with its signs as a patient', () => {
    expect(aboutNoPatient('明天生物考试 老师说要考糖尿病酮症酸中毒的机制 能讲一下吗')).toBe('teaching');
    expect(pool('明天生物考试 老师说要考糖尿病酮症酸中毒的机制 能讲一下吗')).not.toContain('URG-016');
    expect(pool('我爸是糖尿病 今天吐了好几次 呼出来的气有烂苹果味 迷迷糊糊的')).toContain('URG-016');
  });
});
