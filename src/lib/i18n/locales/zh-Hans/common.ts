// 各页面通用的词语：应用外壳、通用按钮、场景与评分标准用语。
import type { Translation } from '../../catalog';
import type en from '../en/common';

export default {
  brand: 'ClinRevise',
  nav: { label: '主导航', ask: '提问', history: '历史记录', principles: '临床原则', rubrics: '评分细则', evaluate: '评测', settings: '设置' },
  privacy: '运行记录仅保存在本浏览器中',
  loading: '正在加载…',
  pageLoadFailed: {
    text: '无法加载此页面（{{detail}}）。可能处于离线状态，或浏览器存储已满（设置 → 数据）。已保存的内容不受影响。',
    retry: '重试',
  },
  storageFailed:
    'ClinRevise 无法在此浏览器中打开本地存储（{{detail}}）。隐私浏览窗口和部分隐私设置会阻止 IndexedDB，请在普通窗口中打开本应用。',
  save: '保存',
  saved: '已保存。',
  cancel: '取消',
  delete: '删除',
  remove: '移除',
  edit: '编辑',
  dash: '—',
  dimension: { urgency: '紧急程度', uncertainty: '不确定性', expertise: '提问者背景', task_type: '任务类型' },
  scenario: {
    emergent: '危急',
    urgent: '紧急',
    routine: '常规',
    not_applicable: '不适用',
    sufficient_context: '信息充分',
    missing_context: '信息不足',
    uncertain_evidence: '证据不确定',
    health_professional: '医务人员',
    layperson: '非医务人员',
    unclear: '不明确',
    advice: '建议咨询',
    information: '信息咨询',
    medication: '用药咨询',
    health_data: '健康数据',
    documentation: '医疗文书',
    evidence: '循证证据',
    other: '其他',
  },
  axis: {
    accuracy: '准确性',
    completeness: '完整性',
    communication_quality: '沟通质量',
    context_awareness: '情境感知',
    instruction_following: '遵循指令',
  },
  step: {
    classify: '问题分类',
    select_principles: '选取临床原则',
    rubric: '制定评分标准',
    draft: '撰写初稿',
    grade: '评分',
    revise: '修订回答',
  },
  tokens_other: '{{formatted}} 个 token',
} satisfies Translation<typeof en>;
