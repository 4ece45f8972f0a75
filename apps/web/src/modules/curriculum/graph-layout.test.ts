import { describe, expect, it } from 'vitest';
import { type LayoutEdge, type LayoutNode, layers, layoutGraph } from './graph-layout';

const STRANDS = ['数与代数', '图形与几何', '统计与概率', '综合与实践'];

/**
 * A grade's graph as the demo's largest ones look: 80 points in four strands, long prerequisite
 * chains (15 layers) and one layer of 23 points.
 */
function grade(): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes: LayoutNode[] = Array.from({ length: 80 }, (_, i) => ({
    id: `p${i}`,
    code: `MA-21-${String(i).padStart(3, '0')}`,
    strand: STRANDS[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0]!,
  }));
  const edges: LayoutEdge[] = [];
  for (let i = 23; i < 80; i++) {
    edges.push({ source: `p${i - 1 - (i % 5)}`, target: `p${i}` });
    if (i % 4 === 0) edges.push({ source: `p${i % 23}`, target: `p${i}` });
  }
  return { nodes, edges };
}

const SYMBOL = 12;
const ROW = 36;

describe('the knowledge graph layout', () => {
  for (const width of [366, 700, 1100]) {
    it(`keeps every label in its own box inside ${width} px`, () => {
      const { nodes, edges } = grade();
      const g = layoutGraph(nodes, edges, STRANDS, { width, symbol: SYMBOL, rowHeight: ROW });
      // The box a point and its label may fill: the symbol, the label's gap (5 px) and its width.
      const boxes = g.nodes.map((n) => ({
        left: n.x - SYMBOL / 2,
        right: n.x + SYMBOL / 2 + 5 + g.labelWidth,
        top: n.y - ROW / 2 + 2,
        bottom: n.y + ROW / 2 - 2,
      }));
      for (const b of boxes) {
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(width);
        expect(b.bottom).toBeLessThanOrEqual(g.height);
      }
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1))
          expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
      expect(g.labelWidth).toBeGreaterThanOrEqual(140);
    });
  }

  it('draws every arrow downwards, from a prerequisite to a later layer', () => {
    const { nodes, edges } = grade();
    const g = layoutGraph(nodes, edges, STRANDS, { width: 1100 });
    const at = new Map(g.nodes.map((n) => [n.id, n]));
    for (const e of edges) {
      expect(at.get(e.source)!.layer).toBeLessThan(at.get(e.target)!.layer);
      expect(at.get(e.source)!.y).toBeLessThan(at.get(e.target)!.y);
    }
    expect(g.columns).toBe(6);
  });

  it('wraps a wide layer onto more rows on a narrow screen, and is the same every time', () => {
    const { nodes, edges } = grade();
    const phone = layoutGraph(nodes, edges, STRANDS, { width: 366 });
    const desk = layoutGraph(nodes, edges, STRANDS, { width: 1100 });
    expect(phone.columns).toBe(2);
    expect(phone.height).toBeGreaterThan(desk.height);
    expect(layoutGraph(nodes, edges, STRANDS, { width: 366 })).toEqual(phone);
  });

  it('survives a cycle and edges to points outside the graph', () => {
    const nodes = ['a', 'b', 'c'].map((id) => ({ id, code: id, strand: '数与代数' }));
    const depth = layers(nodes, [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'a' },
      { source: 'x', target: 'a' },
    ]);
    expect([...depth.keys()].sort()).toEqual(['a', 'b', 'c']);
  });
});
