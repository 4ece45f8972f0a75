import { Button, Flex, Typography } from 'antd';
import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Graph } from './curriculum-api';
import { layoutGraph } from './graph-layout';

echarts.use([GraphChart, TooltipComponent, CanvasRenderer]);

const PALETTE = ['#1e4fa3', '#d4380d', '#389e0d', '#722ed1', '#d48806', '#08979c', '#c41d7f', '#595959'];
const SYMBOL = 12;
const FADED = 0.35;

/** The width of an element, followed as it changes (the chart lays itself out for it). */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The graph drawn in layers (graph-layout.ts): every point in its own slot with its label, arrows
 * from prerequisites downwards, earlier-grade points faded. The legend is HTML above the drawing,
 * so it never covers a point and wraps on a phone; a strand can be hidden by clicking it. The
 * drawing does not roam, so a finger on it scrolls the page; full names are in the tooltip.
 */
export function GraphChartView({ data, onOpenPoint }: { data: Graph; onOpenPoint: (id: string) => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(null);
  const open = useRef(onOpenPoint);
  open.current = onOpenPoint;
  const width = useWidth(box);
  const strands = useMemo(() => [...new Set(data.nodes.map((n) => n.strand))], [data]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => {
    const nodes = data.nodes.filter((n) => !hidden.has(n.strand));
    const ids = new Set(nodes.map((n) => n.id));
    return { nodes, edges: data.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
  }, [data, hidden]);
  const layout = useMemo(
    () => (width > 0 ? layoutGraph(shown.nodes, shown.edges, strands, { width, symbol: SYMBOL }) : undefined),
    [shown, strands, width],
  );

  useEffect(() => {
    if (!canvas.current) return;
    const c = echarts.init(canvas.current);
    chart.current = c;
    c.on('click', (p) => {
      const id = (p.data as { id?: string } | undefined)?.id;
      if (p.dataType === 'node' && id) open.current(id);
    });
    return () => {
      chart.current = null;
      c.dispose();
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c || !layout) return;
    c.resize({ width: layout.width, height: layout.height });
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    // Two invisible corners make the data's extent the drawing's, so a pixel of the layout is a
    // pixel on the screen (ECharts fits the nodes' bounding box into the series' box).
    const corner = (id: string, x: number, y: number) => ({
      id,
      x,
      y,
      symbolSize: 0,
      label: { show: false },
      tooltip: { show: false },
    });
    c.setOption(
      {
        color: PALETTE,
        tooltip: {
          confine: true,
          formatter: (p: { dataType?: string; data?: { name?: string; code?: string } }) =>
            p.dataType === 'node' && p.data?.code ? `${p.data.name}（${p.data.code}）` : '',
        },
        series: [
          {
            type: 'graph',
            layout: 'none',
            left: 0,
            top: 0,
            right: 0,
            bottom: 0,
            roam: false,
            animation: false,
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 6,
            label: {
              show: true,
              position: 'right',
              distance: 5,
              fontSize: 12,
              width: layout.labelWidth,
              overflow: 'truncate',
              ellipsis: '…',
              color: '#262626',
            },
            labelLayout: { hideOverlap: true },
            categories: strands.map((name) => ({ name })),
            data: [
              corner('__top_left', 0, 0),
              corner('__bottom_right', layout.width, layout.height),
              ...shown.nodes.map((n) => ({
                id: n.id,
                name: n.name,
                code: n.code,
                x: at.get(n.id)!.x,
                y: at.get(n.id)!.y,
                category: strands.indexOf(n.strand),
                symbolSize: SYMBOL,
                itemStyle: { opacity: n.focus ? 1 : FADED },
                label: n.focus ? undefined : { color: '#8c8c8c' },
              })),
            ],
            links: shown.edges.map((e) => ({ source: e.source, target: e.target })),
            lineStyle: { color: '#8c8c8c', opacity: 0.45, curveness: 0.12, width: 1 },
            emphasis: { focus: 'adjacency', lineStyle: { width: 2, opacity: 0.9 } },
          },
        ],
      },
      { notMerge: true },
    );
  }, [layout, shown, strands]);

  const toggle = (s: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  return (
    <>
      <Flex wrap gap={4} align="center" style={{ padding: '12px 12px 0' }} data-testid="graph-legend">
        {strands.map((s, i) => (
          <Button
            key={s}
            size="small"
            type="text"
            aria-pressed={!hidden.has(s)}
            onClick={() => toggle(s)}
            style={{ opacity: hidden.has(s) ? 0.45 : 1, paddingInline: 4 }}
          >
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: '50%',
                background: hidden.has(s) ? 'transparent' : PALETTE[i % PALETTE.length],
                border: `1px solid ${PALETTE[i % PALETTE.length]}`,
              }}
            />
            {s}
          </Button>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('curriculum.graphKey')}
        </Typography.Text>
      </Flex>
      <div ref={box} style={{ width: '100%', padding: '0 4px' }}>
        <div
          ref={canvas}
          style={{ width: layout?.width ?? '100%', height: layout?.height ?? 320 }}
          data-testid="knowledge-graph"
        />
      </div>
    </>
  );
}
