import type { ECharts } from 'echarts/core';
import * as echarts from 'echarts/core';
import { type RefObject, useEffect, useRef } from 'react';

/**
 * An ECharts canvas chart living in the returned element, resized with it and disposed with the
 * component; `chart.current` is the instance to `setOption` on (null before mount and after). The
 * caller registers the chart types and components it uses (`echarts.use`), so each stays tree-shaken.
 */
export function useEChart(): { ref: RefObject<HTMLDivElement | null>; chart: RefObject<ECharts | null> } {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  return { ref, chart };
}
