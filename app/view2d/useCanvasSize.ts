import { useLayoutEffect, useState, type RefObject } from 'react';

/** The element's content box in CSS pixels and the device pixel ratio, kept current. */
export function useCanvasSize(ref: RefObject<HTMLElement | null>): { width: number; height: number; ratio: number } {
  const [size, setSize] = useState({ width: 0, height: 0, ratio: 1 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = { width: element.clientWidth, height: element.clientHeight, ratio: window.devicePixelRatio || 1 };
      setSize((previous) => (previous.width === next.width && previous.height === next.height && previous.ratio === next.ratio ? previous : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // A window moved to a screen with another pixel ratio changes no size: listen for it too.
    const media = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    media.addEventListener('change', measure);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', measure);
    };
  }, [ref]);
  return size;
}
