import { EngineError } from './errors.ts';

/** A layer's activation function. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** The shape of one image (NCHW without the batch): channels × height × width. */
export interface ImageShape {
  channels: number;
  height: number;
  width: number;
}

/** A convolution's shape: input and output channels, the image size it keeps, and its odd, square kernel. */
export interface ConvShape {
  inChannels: number;
  outChannels: number;
  height: number;
  width: number;
  /** Side of the kernel, odd (3 for 3×3), at most MAX_CONV_KERNEL. */
  kernel: number;
}

/** The largest conv kernel side the backends take (the WGSL weight-gradient kernel holds kernel² sums per invocation). */
export const MAX_CONV_KERNEL = 5;

const whole = (value: number) => Number.isInteger(value) && value >= 1;

/** Throws unless every size of a conv op is a whole number >= 1 and the kernel is odd and at most MAX_CONV_KERNEL. */
export function checkConvShape(op: string, rows: number, shape: ConvShape): void {
  const { inChannels, outChannels, height, width, kernel } = shape;
  if (!Number.isInteger(rows) || rows < 0) throw new EngineError(`${op}: rows must be a whole number >= 0, got ${rows}.`);
  if (![inChannels, outChannels, height, width].every(whole)) {
    throw new EngineError(`${op}: channels, height and width must be whole numbers >= 1, got ${inChannels}→${outChannels} channels of ${height}×${width}.`);
  }
  if (!whole(kernel) || kernel % 2 === 0 || kernel > MAX_CONV_KERNEL) {
    throw new EngineError(`${op}: the kernel side must be odd and at most ${MAX_CONV_KERNEL} ('same' padding), got ${kernel}.`);
  }
}

/** Throws unless rows is whole and the image's channels, height and width are whole numbers >= 1. */
export function checkImageShape(op: string, rows: number, shape: ImageShape): void {
  if (!Number.isInteger(rows) || rows < 0) throw new EngineError(`${op}: rows must be a whole number >= 0, got ${rows}.`);
  if (![shape.channels, shape.height, shape.width].every(whole)) {
    throw new EngineError(`${op}: channels, height and width must be whole numbers >= 1, got ${shape.channels}×${shape.height}×${shape.width}.`);
  }
}

/** Throws unless a tensor of `size` elements holds the `elements` an op touches. */
export function checkHolds(op: string, name: string, size: number, elements: number): void {
  if (size < elements) throw new EngineError(`${op}: ${name} holds ${size} elements, the op touches ${elements}.`);
}
