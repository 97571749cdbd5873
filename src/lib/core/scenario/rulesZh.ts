// The rule-based scenario classifier for Simplified Chinese questions: the same four decisions as
// the English one (rules.ts), read from the Chinese cues in cuesZh.ts over a CJK scan of the question.

import type { CjkScan } from '../retrieval/text';
import type { Expertise, Scenario, TaskType, Uncertainty, Urgency } from '../types';
import { any, liveScore, noPatient, noPatientTask, noPatientUrgency, presentationTask, readNoPatient, score } from './cueScore';
import { settledUrgency, withPresentationUrgency } from './presentationUrgency';
import {
  ZH_ACUTE_NOW,
  ZH_ADVICE_FRAME,
  ZH_CHRONIC,
  ZH_SERIOUS_TURN,
  ZH_LAST_DAYS,
  ZH_LETHAL_DOSE,
  ZH_JOKE_MARK,
  ZH_CONTRAST,
  ZH_CONTESTED,
  ZH_CONTEXT_FACTS,
  ZH_DOCUMENT,
  ZH_DOCUMENT_FORM,
  ZH_DRUG,
  ZH_EMERGENT,
  ZH_EVIDENCE,
  ZH_LAY_EVIDENCE,
  ZH_GENERAL_FRAME,
  ZH_HAPPENING_AS_ASKED,
  ZH_ODDS_ASKED,
  ZH_HISTORY,
  ZH_SETTLED_SINCE,
  ZH_SETTLED_THEN_NEW,
  ZH_RESEARCH_ASKED,
  ZH_HYPOTHETICAL,
  ZH_HEALTH_DATA,
  ZH_INFORMATION_FRAME,
  ZH_LAY,
  ZH_MEDICATION_FRAME,
  ZH_OTHER,
  ZH_PATIENT_SITUATION,
  ZH_PROFESSIONAL,
  ZH_SETTLED,
  ZH_SITUATION,
  ZH_STRONG_NOW,
  ZH_TODAY,
  ZH_URGENT,
} from './cuesZh';

/** A Chinese question this short ("孩子抽搐了，怎么办") leaves out what a good answer needs. */
const SHORT_QUESTION_HAN = 8;

function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

function classifyExpertise(t: CjkScan): Expertise {
  const pro = score(t.plain, ZH_PROFESSIONAL);
  const lay = score(t.plain, ZH_LAY);
  if (pro >= 6) return 'health_professional';
  if (pro >= 3 && pro > lay) return 'health_professional';
  if (lay >= 2) return 'layperson';
  // Someone's situation told in Chinese with no clinician's word is nearly always a lay person's
  // (the labelled sets: 11 of 13 such questions); a request for help ("帮我写…") describes nobody.
  if (pro === 0 && any(ZH_SITUATION, t.plain.replace(/(请|麻烦)?(帮|给|替)我/g, ''))) return 'layperson';
  return 'unclear';
}

/** A lab name and its value ("肌酐132", "eGFR48", "尿酸 520"). */
const ZH_LAB_VALUE = /(空腹血糖|餐后血糖|血糖|糖化血红蛋白|糖化|血红蛋白|白细胞|红细胞|血小板|中性粒|淋巴|肌酐|尿酸|尿素氮|尿素|谷丙转氨酶|谷草转氨酶|转氨酶|谷丙|谷草|总胆固醇|胆固醇|甘油三酯|低密度|高密度|胆红素|白蛋白|钾|钠|[a-z][a-z0-9]{1,6})\s?[:：=]?\s?\d+(\.\d+)?/gi;

/** Nothing but results pasted ("肌酐132 eGFR48 尿酸520"): someone's own values to read. */
function onlyValues(text: string): boolean {
  const values = text.match(ZH_LAB_VALUE)?.length ?? 0;
  return values >= 2 && hanCount(text.replace(ZH_LAB_VALUE, '')) <= 2;
}

/**
 * A relative's emergency long ago asked about for one's own odds ("我妈生我的时候大出血…会遗传吗"), or
 * whether one's own comes back. Not when something is happening today ("去年心梗过 今天又胸口疼 会不会复发了"):
 * that is the emergency, asked in the words of recurrence.
 */
const askedForOdds = (text: string) => ZH_ODDS_ASKED.test(text) && any(ZH_HISTORY, text) && !ZH_TODAY.test(text);

function classifyTask(t: CjkScan, situation: boolean, emergency: boolean): TaskType {
  const text = t.plain;
  if (ZH_DOCUMENT_FORM.test(text) || (ZH_DOCUMENT.test(text) && !any(ZH_HEALTH_DATA, text))) return 'documentation';
  if (ZH_RESEARCH_ASKED.test(text)) return 'evidence';
  // Results told along with an emergency happening now ("化验单上写 HCG 1860… 现在右边小肚子越来越疼 眼前发黑") are the story.
  // Only beyond doubt happening now (ZH_STRONG_NOW): a discharge summary naming 不稳定型心绞痛 is a record to read.
  if (emergency && situation && any(ZH_STRONG_NOW, text) && !askedForOdds(text)) return 'advice';
  if (any(ZH_HEALTH_DATA, text) || onlyValues(text)) return 'health_data';
  if (any(ZH_EVIDENCE, text) || (ZH_LAY_EVIDENCE.test(text) && !situation)) return 'evidence';
  if (any(ZH_OTHER, text)) return 'other';
  // Chinese often leaves the subject out ("撑不下去了…怎么做都想好了"): an emergency is someone's, asked about now.
  // …unless it is a relative's emergency long ago asked about for the odds ("我妈生我的时候大出血…会遗传吗").
  if (emergency && !askedForOdds(text)) return 'advice';
  if (ZH_DRUG.test(text) && any(ZH_MEDICATION_FRAME, text)) return 'medication';
  const info = any(ZH_INFORMATION_FRAME, text);
  if (any(ZH_ADVICE_FRAME, text)) return 'advice';
  if (info) return 'information';
  return situation ? 'advice' : 'information';
}

/** How a question's time reads (see Timing in rules.ts). */
interface Timing {
  pastOnly: boolean;
  hypothetical: boolean;
  now: boolean;
  /** A past episode told as over, and nothing told as today (see ZH_SETTLED_SINCE). */
  settledPast: boolean;
}

/** Whether the question, after a joke turned serious (see ZH_SERIOUS_TURN), is a general one about nobody. */
function seriousGeneralTail(text: string): boolean {
  const turn = ZH_SERIOUS_TURN.exec(text);
  const tail = turn?.[3];
  if (!turn || !tail) return false;
  // Only a joke before the turn, nothing happening now ("我妈突然嘴歪…不开玩笑，中风和脑梗是一回事吗？" is a stroke).
  const head = text.slice(0, turn.index);
  const jokeOnly = ZH_JOKE_MARK.test(head) && !any(ZH_ACUTE_NOW, head) && !ZH_TODAY.test(head);
  return jokeOnly && (any(ZH_GENERAL_FRAME, tail) || /是不是一回事|是一回事吗/.test(tail)) && !any(ZH_SITUATION, tail);
}

function timingOf(t: CjkScan, situation: boolean, generalFrame: boolean): Timing {
  const told = any(ZH_HISTORY, t.plain);
  const history = told || any(ZH_CHRONIC, t.plain);
  // "三年前心梗…当时是胸口疼了一整晚": the chest pain, and its 突然, were then. Anything told as today,
  // or as sudden or again after the settled words ("之后一直挺好，突然又说不出话了"), keeps it now.
  const settled = told && ZH_SETTLED_SINCE.test(t.plain) && !ZH_TODAY.test(t.plain) && !ZH_SETTLED_THEN_NEW.test(t.plain);
  const strong = !settled && (any(ZH_STRONG_NOW, t.plain) || any(ZH_CONTRAST, t.plain));
  return {
    pastOnly: history && !strong,
    hypothetical: (generalFrame && !situation) || (any(ZH_HYPOTHETICAL, t.plain) && !ZH_HAPPENING_AS_ASKED.test(t.plain)) || seriousGeneralTail(t.plain),
    now: strong || (any(ZH_ACUTE_NOW, t.plain) && !history),
    settledPast: settled,
  };
}

function classifyUrgency(t: CjkScan, task: TaskType, situation: boolean, timing: Timing, english: { emergent: number; urgent: number }): Urgency {
  if (task === 'documentation' || task === 'other') return 'not_applicable';
  // "帮我总结…" and "我是骨科住院医" ask for help; they do not make the records the asker's own.
  const personal = /我|咱/.test(t.plain.replace(/(请|麻烦)?(帮|给|替|让)我|我是|我们科|我科/g, '')) || onlyValues(t.plain);
  if (task === 'health_data' || task === 'evidence') return personal ? 'routine' : 'not_applicable';
  // The odds of it coming back, asked with what to prepare ("三年前…产后精神病…再犯的可能性大吗？能提前做些什么准备？").
  if ((task === 'information' || task === 'advice') && askedForOdds(t.plain)) return 'routine';
  const emergent = Math.max(liveScore(t.live, t.plain, ZH_EMERGENT, timing), english.emergent);
  const urgent = Math.max(liveScore(t.live, t.plain, ZH_URGENT, timing), english.urgent);
  // Asking what an emergency looks like, with nobody in it, or what to do if one ever happens, is not an emergency.
  // The emergency cues of a past episode told as over tell what happened then.
  if (!timing.hypothetical && !timing.settledPast) {
    if (emergent >= 3) return 'emergent';
    if (emergent >= 2 || urgent >= 2) return 'urgent';
  }
  if (!situation && (task === 'information' || task === 'medication')) {
    return /治疗|怎么治|能不能|可以.{0,6}吗|应该|缓解|恢复/.test(t.plain) ? 'routine' : 'not_applicable';
  }
  return 'routine';
}

function classifyUncertainty(t: CjkScan, task: TaskType, situation: boolean): Uncertainty {
  const text = t.plain;
  if (task === 'evidence' || (any(ZH_CONTESTED, text) && task !== 'documentation' && task !== 'health_data' && task !== 'other')) {
    return 'uncertain_evidence';
  }
  // Values with no word about whose they are or what is asked leave out what reading them needs.
  if (task === 'health_data' && onlyValues(text)) return 'missing_context';
  if (task === 'other' || task === 'documentation' || task === 'health_data') return 'sufficient_context';
  const facts = ZH_CONTEXT_FACTS.filter((c) => c.test(text)).length;
  if (task === 'medication') {
    const child = /孩子|小孩|宝宝|婴儿|儿童|儿子|女儿|孙子|孙女|外孙|闺女|娃/.test(text);
    const dose = /多少|剂量|用量|几(片|粒|次)|毫升|ml|mg|一半|半片|掰/.test(text);
    if (child && dose && facts === 0) return 'missing_context';
    // Neither a weight nor an age in numbers ("上幼儿园大班，发烧38.5，一次喂多少毫升"): a temperature does not size a dose.
    if (child && dose && !/\d+(\.\d+)?\s?(公斤|kg|斤|千克)|\d+\s?(岁|个月)|[一二两三四五六七八九十]+\s?(岁|个月)/.test(text)) return 'missing_context';
    // The asker says the weight is not known ("体重不太清楚"), so a dose cannot be worked out.
    if (child && dose && /体重(不太|不)(清楚|知道|确定)|不知道(多重|体重)|没称过|多重.{0,4}(说不准|不清楚|不知道|不确定)/.test(text)) return 'missing_context';
    // A label that doses by weight ("说明书上写按体重算") with no weight given.
    if (child && dose && /按(照)?体重/.test(text) && !/\d+(\.\d+)?\s?(公斤|kg|斤|千克)/.test(text)) return 'missing_context';
    if (/我的(药|降压药|药片)/.test(text)) return 'missing_context';
    if (/忘(记|了)|漏(服|吃)/.test(text) && !/\d+\s?(mg|毫克)/.test(text)) return 'missing_context';
    return 'sufficient_context';
  }
  if (!situation) return hanCount(text) <= 4 ? 'missing_context' : 'sufficient_context';
  return hanCount(text) <= SHORT_QUESTION_HAN ? 'missing_context' : 'sufficient_context';
}

/**
 * Classifies a Chinese question along the four dimensions. `english` carries the English urgency
 * cue scores of any Latin-script words in it (a mixed question such as "我的 BP 80/50"); `implied`, the
 * urgency its named presentations require (see presentationUrgency).
 */
export function classifyChineseScenario(t: CjkScan, english: { emergent: number; urgent: number }, implied: 'emergent' | 'urgent' | null = null): Scenario {
  const expertise = classifyExpertise(t);
  const situation = any(expertise === 'health_professional' ? ZH_PATIENT_SITUATION : ZH_SITUATION, t.plain);
  const generalFrame = any(ZH_GENERAL_FRAME, t.plain);
  const { kind: noPatientKind, poisoned } = readNoPatient(t.plain, ZH_LETHAL_DOSE.test(t.plain));
  const nobody = noPatientKind !== null;
  const timing = noPatient(nobody, timingOf(t, situation, generalFrame));
  // As in English: an emergency presentation happening to someone now is asked about for what to do.
  const presentationNow = implied === 'emergent' && situation && timing.now && !timing.hypothetical;
  const emergency = (Math.max(liveScore(t.live, t.plain, ZH_EMERGENT, timing), english.emergent) >= 3 && !timing.hypothetical) || presentationNow;
  const task_type = presentationTask(noPatientTask(noPatientKind, classifyTask(t, situation, emergency), ZH_DOCUMENT.test(t.plain), poisoned), implied, situation && timing.now && !timing.hypothetical);
  return {
    // Nobody's situation (a pet, a story) has no urgency; its questions are general ones. A dream's worry is the dreamer's.
    urgency: noPatientKind ? noPatientUrgency(noPatientKind, situation, poisoned) : settledUrgency(withPresentationUrgency(
      classifyUrgency(t, task_type, situation, timing, english),
      implied,
      task_type,
      situation && !timing.hypothetical,
      expertise === 'health_professional',
      timing.now,
      // For an emergency sign on top of a long-standing condition, a day or two ago is as good as today
      // ("腰疼是老毛病…昨天上厕所发现屁股…木木的，小便也尿不出来").
      ZH_TODAY.test(t.plain) || ZH_LAST_DAYS.test(t.plain),
      !timing.pastOnly,
    ), implied, ZH_SETTLED.test(t.live)),
    uncertainty: classifyUncertainty(t, task_type, situation),
    expertise,
    task_type,
  };
}
