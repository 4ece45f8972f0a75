/**
 * The searches the resource centre suggests: the first two in the search box's placeholder, all of
 * them as one-click chips under it. Each must find published resources in the demo library, across
 * grades and subjects; apps/server/src/modules/resources/search-examples.test.ts runs every one.
 */
export const SEARCH_EXAMPLES = [
  '分数 加法',
  '古诗 朗读',
  '乘法口诀',
  '文言文 翻译',
  '现在进行时',
  '垃圾分类',
] as const;
