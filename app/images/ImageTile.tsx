import { useEffect, useRef } from 'react';
import { IMAGE_BYTES, IMAGE_SIDE } from '../../src/data/images/format.ts';

/** One 28×28 image (pixels in [0, 1], dark on light), drawn on its own small canvas. */
export function ImageTile({ pixels, label }: { pixels: Float32Array; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(IMAGE_SIDE, IMAGE_SIDE);
    for (let p = 0; p < IMAGE_BYTES; p++) {
      const shade = 255 - Math.round(pixels[p] * 255);
      image.data.set([shade, shade, shade, 255], 4 * p);
    }
    context.putImageData(image, 0, 0);
  }, [pixels]);
  return <canvas ref={ref} className="image-tile" width={IMAGE_SIDE} height={IMAGE_SIDE} role="img" aria-label={label} />;
}
