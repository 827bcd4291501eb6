import { OUTLINE_COLOR, UNCLASSED_COLOR, UNLABELLED_COLOR, VETOED_COLOR, WRONG_COLOR } from './palette.ts';

/** The marks of the 2-D view, each drawn once per colour and size and then stamped. */
export type SpriteKind = 'pool' | 'unclassed' | 'pseudo' | 'labelled' | 'wrong' | 'vetoed';

export interface Sprite {
  image: HTMLCanvasElement;
  /** Half the image's side: stamp at (x - half, y - half) to centre it on (x, y). */
  half: number;
}

/**
 * Stamping a small pre-drawn image is far cheaper for the canvas to raster than filling
 * and stroking a thousand anti-aliased arcs, which kept a long task on the main thread
 * every generation.
 */
const sprites = new Map<string, Sprite>();
const MAX_SPRITES = 256;

/** Sizes in CSS pixels; `scale` is device pixels per CSS pixel times the view's size factor. */
export function sprite(kind: SpriteKind, color: string, scale: number): Sprite {
  // Sizes in tenths of a pixel are enough, and keep the cache small as the window resizes.
  const size = Math.max(0.5, Math.round(scale * 10) / 10);
  const key = `${kind}|${color}|${size}`;
  const cached = sprites.get(key);
  if (cached) return cached;
  if (sprites.size > MAX_SPRITES) sprites.clear();
  const made = drawSprite(kind, color, size);
  sprites.set(key, made);
  return made;
}

function drawSprite(kind: SpriteKind, color: string, scale: number): Sprite {
  const reach = { pool: 2.2, unclassed: 3.6, pseudo: 4.2, labelled: 7.2, wrong: 5.2, vetoed: 5.2 }[kind] * scale;
  const half = Math.ceil(reach) + 1;
  const image = document.createElement('canvas');
  image.width = half * 2;
  image.height = half * 2;
  const ctx = image.getContext('2d');
  if (!ctx) return { image, half };
  ctx.translate(half, half);
  const disc = (radius: number) => {
    ctx.beginPath();
    ctx.arc(0, 0, radius, 0, 2 * Math.PI);
  };
  switch (kind) {
    case 'pool':
      ctx.globalAlpha = 0.75;
      ctx.fillStyle = UNLABELLED_COLOR;
      disc(2.2 * scale);
      ctx.fill();
      break;
    case 'unclassed':
      // A hollow ring where the pool's dot would be: a point with no class, never scored.
      ctx.strokeStyle = UNCLASSED_COLOR;
      ctx.lineWidth = 1.5 * scale;
      disc(2.8 * scale);
      ctx.stroke();
      break;
    case 'pseudo':
      ctx.fillStyle = color;
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = scale;
      disc(3.2 * scale);
      ctx.fill();
      ctx.stroke();
      break;
    case 'labelled':
      ctx.fillStyle = color;
      ctx.strokeStyle = OUTLINE_COLOR;
      ctx.lineWidth = 2 * scale;
      disc(6 * scale);
      ctx.fill();
      ctx.stroke();
      break;
    case 'vetoed':
      // A grey ring around the pool point the critic kept from becoming a pseudo-label.
      ctx.strokeStyle = VETOED_COLOR;
      ctx.lineWidth = 1.5 * scale;
      disc(4.2 * scale);
      ctx.stroke();
      break;
    case 'wrong': {
      // A red cross with a white halo, readable on any class colour.
      const arm = 3.5 * scale;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(-arm, -arm);
      ctx.lineTo(arm, arm);
      ctx.moveTo(arm, -arm);
      ctx.lineTo(-arm, arm);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 3 * scale;
      ctx.stroke();
      ctx.strokeStyle = WRONG_COLOR;
      ctx.lineWidth = 1.5 * scale;
      ctx.stroke();
      break;
    }
  }
  return { image, half };
}
