import type { DenseStepsLayer } from '../engine/backend.ts';
import { streamSeed, type NoiseStep } from './layers/layer.ts';
import type { LayerStack } from './stack.ts';

/** A dense layer of the stack as Backend.denseSteps takes it, and its dropout's noise stream. */
interface DensePlanLayer extends Omit<DenseStepsLayer, 'dropoutSeed'> {
  dropoutStream: number;
}

/**
 * The stack as a fused run's layers (Backend.denseSteps), or null when it holds anything
 * but dense layers, each followed by at most one dropout (an MLP; not a CNN).
 */
export function densePlan(stack: LayerStack): DensePlanLayer[] | null {
  const plan: DensePlanLayer[] = [];
  for (const [index, spec] of stack.specs.entries()) {
    if (spec.kind === 'dense') {
      const [weights, bias] = stack.layout.layers[index];
      plan.push({ units: spec.units, activation: spec.activation, weights: weights.offset, bias: bias.offset, dropout: 0, dropoutStream: 0 });
    } else if (spec.kind === 'dropout') {
      const previous = plan.at(-1);
      if (!previous || previous.dropout > 0 || stack.specs[index - 1].kind !== 'dense') return null;
      // The dropout layer's own stream (see layers/dropout.ts), so fused and per-step runs draw alike.
      previous.dropout = spec.rate;
      previous.dropoutStream = index + 1;
    } else {
      return null;
    }
  }
  return plan.length > 0 ? plan : null;
}

/** The plan's layers with this epoch's dropout stream seeds. */
export function denseLayers(plan: readonly DensePlanLayer[], noise: NoiseStep): DenseStepsLayer[] {
  return plan.map(({ dropoutStream, ...layer }) => ({ ...layer, dropoutSeed: layer.dropout > 0 ? streamSeed(noise, dropoutStream) : 0 }));
}
