import type { InferenceSession } from 'onnxruntime-web';
import { TeacherImportError } from './errors.ts';

type ValueMetadata = InferenceSession.ValueMetadata;

/** What a teacher must take and give for an experiment. */
export interface TeacherExpectation {
  dataset: string;
  classes: number;
  /** One example's accepted shapes, the first the usual one: [2] for points; [1, 28, 28] or [784] for images. */
  examples: readonly (readonly number[])[];
}

/** How to run a teacher whose shapes fit. */
export interface TeacherFit {
  input: string;
  output: string;
  /** One example's shape as the model takes it. */
  example: readonly number[];
  /** The model's fixed batch size, or null when the batch dimension is free. */
  batch: number | null;
}

/** A shape as a person reads it: [N, 1, 28, 28]. */
export function formatShape(shape: readonly (number | string)[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Checks a model's declared input and output against what `expected` needs: one float32 input
 * of [batch, ...example] and a float32 [batch, classes] output (`probabilities` if there is one
 * of that name, else the first). Symbolic dimensions fit any size. Throws a TeacherImportError
 * whose message says what does not fit ("it gives 10 classes, but moons has 2").
 */
export function teacherFit(inputs: readonly ValueMetadata[], outputs: readonly ValueMetadata[], expected: TeacherExpectation): TeacherFit {
  const wanted = expected.examples.map((example) => formatShape(['N', ...example])).join(' or ');
  if (inputs.length !== 1) throw misfit(`it takes ${inputs.length} inputs; a teacher takes one, the examples ${wanted}`);
  const [input] = inputs;
  const inputShape = tensorShape(input, 'input');
  const example = expected.examples.find((shape) => fits(inputShape, shape));
  if (!example) throw misfit(`it takes ${formatShape(inputShape)}, but ${expected.dataset} gives ${wanted}`);
  const output = outputs.find((value) => value.name === 'probabilities') ?? outputs[0];
  if (!output) throw misfit('it has no output');
  const outputShape = tensorShape(output, 'output');
  if (outputShape.length !== 2) throw misfit(`it gives ${formatShape(outputShape)}, not [N, classes]`);
  const classes = outputShape[1];
  if (typeof classes === 'number' && classes !== expected.classes) {
    throw misfit(`it gives ${classes} classes, but ${expected.dataset} has ${expected.classes}`);
  }
  const batch = typeof inputShape[0] === 'number' && inputShape[0] > 0 ? inputShape[0] : null;
  return { input: input.name, output: output.name, example, batch };
}

function tensorShape(value: ValueMetadata, role: 'input' | 'output'): readonly (number | string)[] {
  if (!value.isTensor) throw misfit(`its ${role} "${value.name}" is not a tensor`);
  if (value.type !== 'float32') throw misfit(`its ${role} "${value.name}" is ${value.type}, not float32`);
  if (value.shape.length === 0) throw misfit(`its ${role} "${value.name}" has no declared shape`);
  return value.shape;
}

/** [batch, ...example], where a symbolic or unknown (-1) dimension fits any size. */
function fits(shape: readonly (number | string)[], example: readonly number[]): boolean {
  if (shape.length !== example.length + 1) return false;
  return example.every((size, i) => {
    const dim = shape[i + 1];
    return typeof dim === 'string' || dim < 0 || dim === size;
  });
}

function misfit(problem: string): TeacherImportError {
  return new TeacherImportError(problem);
}
