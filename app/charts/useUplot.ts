import { useLayoutEffect, type RefObject } from 'react';
import uPlot from 'uplot';

/**
 * Mounts a uPlot chart in `containerRef`, sized to the container (ResizeObserver), and
 * hands it to `connect`, which feeds it data from a store subscription and returns its
 * cleanup. The chart is made once: `buildOptions` and `connect` must be stable
 * (module-level functions or memoised callbacks).
 */
export function useUplot(
  containerRef: RefObject<HTMLDivElement | null>,
  buildOptions: (width: number, height: number) => uPlot.Options,
  connect: (chart: uPlot) => () => void,
): void {
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const size = () => ({ width: Math.max(120, Math.floor(container.clientWidth)), height: Math.max(80, Math.floor(container.clientHeight)) });
    const { width, height } = size();
    const chart = new uPlot(buildOptions(width, height), undefined, container);
    const disconnect = connect(chart);
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = size();
        if (next.width !== chart.width || next.height !== chart.height) chart.setSize(next);
      });
    });
    observer.observe(container);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      disconnect();
      chart.destroy();
    };
  }, [containerRef, buildOptions, connect]);
}
