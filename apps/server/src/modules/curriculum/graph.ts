/**
 * A cycle in a prerequisite graph (point → its prerequisites), as the list of points around it with
 * the first repeated at the end; null when the graph is acyclic. Depth-first with three colours.
 */
export function findCycle(graph: Map<string, Iterable<string>>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (k: string): string[] | null => {
    if (state.get(k) === 2) return null;
    if (state.get(k) === 1) return [...stack.slice(stack.indexOf(k)), k];
    state.set(k, 1);
    stack.push(k);
    for (const p of graph.get(k) ?? []) {
      const c = visit(p);
      if (c) return c;
    }
    stack.pop();
    state.set(k, 2);
    return null;
  };
  for (const k of graph.keys()) {
    const c = visit(k);
    if (c) return c;
  }
  return null;
}
