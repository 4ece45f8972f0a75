/**
 * The columns of the item bank's .xlsx template and the words teachers use in them.
 */
import type { CodeTableView } from '../../platform/codes/codes.repository.ts';
import type { CognitiveLevel, ItemType } from './item-model.ts';

export const ITEMS_SHEET = '题目';
export const INSTRUCTIONS_SHEET = '填写说明';

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export interface ItemColumn {
  key: string;
  header: string;
  /** Needed on the rows of a stand-alone item or a 材料题 (a 小题 row needs only its content). */
  required: boolean;
  width: number;
  /** Kept as text in Excel: answers like 1/2 or 0.50 must not turn into dates or numbers. */
  text?: boolean;
  rule: string;
}

const col = (key: string, header: string, width: number, rule: string, extra: Partial<ItemColumn> = {}) => ({
  key,
  header,
  width,
  rule,
  required: false,
  ...extra,
});

export const COLUMNS: ItemColumn[] = [
  col('type', '题型', 12, '从下拉列表选择；材料题的小题选「小题·…」，紧跟在材料题行之后', { required: true }),
  col('stem', '题干', 50, '题目正文；公式写在 $…$ 中（TeX），填空题的空用 ____（三个以上下划线）表示', {
    required: true,
    text: true,
  }),
  ...OPTION_LETTERS.map((l) =>
    col(`option${l}`, `选项${l}`, 16, '选择题的选项，从 A 起连续填写，至少两项', { text: true }),
  ),
  col(
    'answer',
    '答案',
    18,
    '单选：一个字母；多选：多个字母如 ACD；判断：正确/错误；填空：各空答案用 | 分隔，同一空的多个可接受答案用 ; 分隔；简答、作文：参考答案（可空）',
    { text: true },
  ),
  col('explanation', '解析', 30, '可空；材料题行的解析针对整道材料题', { text: true }),
  col('subject', '学科', 12, '从下拉列表选择，或填课程代码（如 14）', { required: true }),
  col('grade', '年级', 14, '从下拉列表选择，或填年级代码（如 21）', { required: true }),
  col('knowledgePoints', '知识点编码', 18, '本学科知识点的编码，多个用逗号或顿号分隔', { text: true }),
  col('cognitive', '认知层次', 12, '识记、理解、应用或分析综合', { required: true }),
  col('difficulty', '难度', 8, '难度系数（预计得分率）0.05–0.95，越小越难', { required: true }),
  col('score', '分值', 8, '建议分值，大于 0 且不超过 200；小题行填写该小题的分值（必填）', {
    required: true,
  }),
  col('seconds', '用时(秒)', 10, '预计作答时间，5–7200 秒', { required: true }),
  col('source', '来源', 24, '可空，如「2025 年海珠区七年级期末」'),
  col('year', '年份', 8, '可空，四位年份'),
];

export const TYPE_LABELS: Record<Exclude<ItemType, 'composite'>, string> = {
  single_choice: '单选题',
  multiple_choice: '多选题',
  true_false: '判断题',
  fill_in: '填空题',
  short_answer: '简答题',
  essay: '作文题',
};
export const COMPOSITE_LABEL = '材料题';
export const PART_PREFIX = '小题·';

export const COGNITIVE_LABELS: Record<CognitiveLevel, string> = {
  remember: '识记',
  understand: '理解',
  apply: '应用',
  analyse: '分析综合',
};

export const TRUE_WORDS = ['正确', '对', '√', '✓', 'T', 'TRUE', '是'];
export const FALSE_WORDS = ['错误', '错', '×', '✗', 'F', 'FALSE', '否'];

/**
 * The code tables the template shows and the importer resolves (the roster import's `CodeBook`
 * fits): a cell may hold a label or a code.
 */
export interface CodeLookup {
  table(category: string): CodeTableView | undefined;
  resolve(category: string, raw: string): string | undefined;
  label(category: string, code: string): string | undefined;
}
