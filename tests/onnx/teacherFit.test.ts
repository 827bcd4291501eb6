import type { InferenceSession } from 'onnxruntime-web';
import { describe, expect, test } from 'vitest';
import { formatShape, teacherFit, type TeacherExpectation } from '../../src/onnx/teacherFit.ts';

type Metadata = InferenceSession.ValueMetadata;
const tensor = (name: string, shape: (number | string)[], type: 'float32' | 'int64' = 'float32'): Metadata => ({ name, isTensor: true, type, shape });
const POINTS: TeacherExpectation = { dataset: 'moons', classes: 2, examples: [[2]] };
const IMAGES: TeacherExpectation = { dataset: 'mnist', classes: 10, examples: [[1, 28, 28], [784]] };

describe('teacherFit', () => {
  test('reads the input, the output (probabilities by name, else the first) and a fixed batch size', () => {
    expect(teacherFit([tensor('x', ['batch', 2])], [tensor('logits', ['batch', 2])], POINTS)).toEqual({ input: 'x', output: 'logits', example: [2], batch: null });
    const outputs = [tensor('features', [1, 64]), tensor('probabilities', [1, 10])];
    expect(teacherFit([tensor('input', [1, 784])], outputs, IMAGES)).toEqual({ input: 'input', output: 'probabilities', example: [784], batch: 1 });
    expect(teacherFit([tensor('input', [-1, 1, 'h', 'w'])], [tensor('y', [-1, 'classes'])], IMAGES)).toMatchObject({ example: [1, 28, 28], batch: null });
  });

  test('says what does not fit', () => {
    const problem = (inputs: Metadata[], outputs: Metadata[], expected = POINTS) => {
      try {
        teacherFit(inputs, outputs, expected);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    const out = [tensor('y', ['N', 2])];
    expect(problem([tensor('a', ['N', 2]), tensor('b', ['N', 2])], out)).toBe('it takes 2 inputs; a teacher takes one, the examples [N, 2]');
    expect(problem([tensor('x', ['N', 2], 'int64')], out)).toBe('its input "x" is int64, not float32');
    expect(problem([{ name: 'x', isTensor: false }], out)).toBe('its input "x" is not a tensor');
    expect(problem([tensor('x', [])], out)).toBe('its input "x" has no declared shape');
    expect(problem([tensor('x', ['N', 3])], out)).toBe('it takes [N, 3], but moons gives [N, 2]');
    expect(problem([tensor('x', ['N', 28, 28])], [tensor('y', ['N', 10])], IMAGES)).toBe('it takes [N, 28, 28], but mnist gives [N, 1, 28, 28] or [N, 784]');
    expect(problem([tensor('x', ['N', 2])], [])).toBe('it has no output');
    expect(problem([tensor('x', ['N', 2])], [tensor('y', ['N', 2, 1])])).toBe('it gives [N, 2, 1], not [N, classes]');
    expect(problem([tensor('x', ['N', 2])], [tensor('y', ['N', 3])])).toBe('it gives 3 classes, but moons has 2');
  });

  test('formatShape writes shapes as a person reads them', () => {
    expect(formatShape(['N', 1, 28, 28])).toBe('[N, 1, 28, 28]');
  });
});
