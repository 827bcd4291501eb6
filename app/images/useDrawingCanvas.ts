import { useCallback, useRef, type PointerEvent } from 'react';
import { digitImage } from '../../src/data/images/drawing.ts';

/** The pad's drawing surface in canvas pixels, and its pen's width: a digit drawn across most of it gets MNIST's 2-3 pixel strokes at 20×20. */
export const PAD_SIDE = 280;
const PEN_WIDTH = 22;

/**
 * A canvas to draw on with a mouse, finger or pen (pointer events), and Clear. After every
 * change (once per animation frame at most) `onImage` gets the drawing as a 28×28 MNIST-style
 * image (src/data/images/drawing.ts), or null once it is blank.
 */
export function useDrawingCanvas(onImage: (image: Float32Array | null) => void) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef<number | null>(null);

  const context = () => canvasRef.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const publish = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const pixels = context()?.getImageData(0, 0, PAD_SIDE, PAD_SIDE).data;
      if (!pixels) return;
      // The ink is the alpha channel: strokes are opaque on a transparent canvas.
      const ink = new Uint8ClampedArray(PAD_SIDE * PAD_SIDE);
      for (let p = 0; p < ink.length; p++) ink[p] = pixels[4 * p + 3];
      onImage(digitImage({ ink, width: PAD_SIDE, height: PAD_SIDE }));
    });
  }, [onImage]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * PAD_SIDE) / box.width, y: ((event.clientY - box.top) * PAD_SIDE) / box.height };
  };

  const strokeTo = (to: { x: number; y: number }) => {
    const pen = context();
    const from = last.current ?? to;
    if (!pen) return;
    pen.strokeStyle = '#000';
    pen.lineWidth = PEN_WIDTH;
    pen.lineCap = 'round';
    pen.lineJoin = 'round';
    pen.beginPath();
    pen.moveTo(from.x, from.y);
    pen.lineTo(to.x, to.y);
    pen.stroke();
    last.current = to;
    publish();
  };

  const handlers = {
    onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      last.current = null;
      strokeTo(point(event));
    },
    onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
      if (last.current) strokeTo(point(event));
    },
    onPointerUp() {
      last.current = null;
    },
    onPointerCancel() {
      last.current = null;
    },
  };

  const clear = () => {
    context()?.clearRect(0, 0, PAD_SIDE, PAD_SIDE);
    last.current = null;
    publish();
  };

  return { canvasRef, handlers, clear };
}
