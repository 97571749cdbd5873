// “历史记录”页面：既往运行列表，以及从中打开的单次运行。
import type { Translation } from '../../catalog';
import type en from '../en/history';

export default {
  title: '历史记录',
  allRuns: '← 全部运行记录',
  missing: '此浏览器的历史记录中没有这次运行（可能已被删除）。',
  empty: '暂无运行记录。提出问题后，记录会显示在这里。',
  status: { interrupted: '已中断', running: '运行中', failed: '失败', stopped: '已停止' },
  deleteLabel: '删除运行记录：{{question}}',
} satisfies Translation<typeof en>;
