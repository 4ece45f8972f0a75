/**
 * Where the knowledge graph draws each point: a layered layout of the prerequisite DAG, pure and
 * deterministic. A point's layer is its longest chain of prerequisites, so every arrow points down
 * the page; a layer with more points than fit across the width wraps onto further rows. Each point
 * owns a slot as wide as its label is allowed to be, so no two labels can overlap at any width,
 * and the drawing grows in height instead of crowding (a phone gets two points a row).
 */

export interface LayoutNode {
  id: string;
  code: string;
  strand: string;
}
export interface LayoutEdge {
  /** The prerequisite. */
  source: string;
  target: string;
}
export interface LayoutOptions {
  /** Width of the drawing area in pixels. */
  width: number;
  /** The narrowest slot a point and its label get; fewer slots a row below it. */
  minSlot?: number;
  rowHeight?: number;
  /** Extra space between layers, so one layer's rows read as a group. */
  layerGap?: number;
  /** Space above the first and below the last row. */
  pad?: number;
  /** The symbol's diameter; the label starts after it. */
  symbol?: number;
}
export interface Placed {
  id: string;
  x: number;
  y: number;
  layer: number;
}
export interface GraphLayout {
  nodes: Placed[];
  width: number;
  height: number;
  /** How wide a label may be (the slot less the symbol and a gap): longer names are truncated. */
  labelWidth: number;
  /** Points per row. */
  columns: number;
}

/** Longest chain of prerequisites below each point (0 for a point with none in the graph). */
export function layers(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, number> {
  const ids = new Set(nodes.map((n) => n.id));
  const prereqs = new Map<string, string[]>();
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    prereqs.set(e.target, [...(prereqs.get(e.target) ?? []), e.source]);
  }
  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  // Iterative, so a long chain cannot overflow the stack; an edge closing a cycle (the server
  // refuses them) is ignored rather than looping.
  for (const root of ids) {
    const stack: string[] = [root];
    while (stack.length > 0) {
      const id = stack[stack.length - 1]!;
      if (depth.has(id)) {
        stack.pop();
        continue;
      }
      onPath.add(id);
      const pending = (prereqs.get(id) ?? []).filter((p) => !depth.has(p) && !onPath.has(p));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      const below = (prereqs.get(id) ?? []).map((p) => depth.get(p)).filter((d) => d !== undefined);
      depth.set(id, below.length === 0 ? 0 : 1 + Math.max(...below));
      onPath.delete(id);
      stack.pop();
    }
  }
  return depth;
}

export function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  strands: readonly string[],
  opts: LayoutOptions,
): GraphLayout {
  const { width, minSlot = 170, rowHeight = 36, layerGap = 18, pad = 20, symbol = 12 } = opts;
  const columns = Math.max(1, Math.floor(width / minSlot));
  const slot = width / columns;
  const depth = layers(nodes, edges);
  const byLayer = new Map<number, LayoutNode[]>();
  for (const n of nodes) {
    const d = depth.get(n.id) ?? 0;
    byLayer.set(d, [...(byLayer.get(d) ?? []), n]);
  }
  const prereqs = new Map<string, string[]>();
  for (const e of edges) prereqs.set(e.target, [...(prereqs.get(e.target) ?? []), e.source]);

  const placed = new Map<string, Placed>();
  const strandRank = (s: string) => {
    const i = strands.indexOf(s);
    return i < 0 ? strands.length : i;
  };
  // Where a point's prerequisites sit across the page, so it lands near them (fewer crossings).
  const pull = (n: LayoutNode) => {
    const xs = (prereqs.get(n.id) ?? []).map((p) => placed.get(p)?.x).filter((x) => x !== undefined);
    return xs.length === 0 ? Number.POSITIVE_INFINITY : xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  let y = pad;
  const order = [...byLayer.keys()].sort((a, b) => a - b);
  for (const [li, layer] of order.entries()) {
    if (li > 0) y += layerGap;
    const row = [...byLayer.get(layer)!].sort(
      (a, b) =>
        strandRank(a.strand) - strandRank(b.strand) || pull(a) - pull(b) || a.code.localeCompare(b.code),
    );
    for (let start = 0; start < row.length; start += columns) {
      const chunk = row.slice(start, start + columns);
      // A short row is centred, so a lone point does not hug the left edge.
      const offset = ((columns - chunk.length) * slot) / 2;
      for (const [i, n] of chunk.entries())
        placed.set(n.id, { id: n.id, x: offset + i * slot + symbol, y: y + rowHeight / 2, layer });
      y += rowHeight;
    }
  }
  return {
    nodes: nodes.map((n) => placed.get(n.id)!),
    width,
    height: Math.ceil(y + pad),
    labelWidth: Math.max(24, Math.floor(slot - symbol * 1.5 - 12)),
    columns,
  };
}
