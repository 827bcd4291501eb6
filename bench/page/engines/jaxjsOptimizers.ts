// SGD and Adam on jax-js arrays, as functions of the training state that run inside the jitted
// step: no optimizer package for jax-js is on npm. Adam's step count lives on the device too,
// so its bias corrections need no upload and the step never recompiles.
import { numpy as np } from '@jax-js/jax';
import type { TrainHyper } from '../../../src/model/types.ts';
import type { JaxParams } from './jaxjsModels.ts';

/** The parameters, the optimizer's slots (Adam: first moments then second moments) and the step count. */
// A type alias, not an interface: jax-js's JsTree accepts only aliases as trees.
export type JaxState = {
  params: JaxParams;
  slots: JaxParams[];
  t: np.Array;
};

export interface JaxOptimizer {
  /** `models` > 1: the parameters have a leading model axis, and so does the step count. */
  init(params: JaxParams, models: number): JaxState;
  /** The next state; consumes `state` and `grads`. */
  update(state: JaxState, grads: JaxParams): JaxState;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

export function jaxOptimizer(hyper: TrainHyper): JaxOptimizer {
  if (hyper.optimizer !== 'adam' && hyper.momentum > 0) throw new Error('the jax-js rows have no momentum SGD (the bench uses none)');
  const { lr } = hyper;
  if (hyper.optimizer !== 'adam') {
    return {
      init: (params, models) => ({ params, slots: [], t: stepCount(models) }),
      update: ({ params, t }, grads) => ({ params: params.map((p, i) => p.sub(grads[i].mul(lr))), slots: [], t }),
    };
  }
  return {
    init: (params, models) => ({ params, slots: [params.map((p) => np.zeros(p.shape)), params.map((p) => np.zeros(p.shape))], t: stepCount(models) }),
    update({ params, slots: [m, v], t }, grads) {
      const next = t.add(1);
      // 1 / (1 - beta^t) for the bias-corrected moments.
      const c1 = np.exp(next.ref.mul(Math.log(BETA1))).mul(-1).add(1);
      const c2 = np.exp(next.ref.mul(Math.log(BETA2))).mul(-1).add(1);
      const m2 = m.map((mi, i) => mi.mul(BETA1).add(grads[i].ref.mul(1 - BETA1)));
      const v2 = v.map((vi, i) => vi.mul(BETA2).add(np.square(grads[i]).mul(1 - BETA2)));
      const stepped = params.map((p, i) => {
        const mHat = m2[i].ref.div(c1.ref);
        const vHat = v2[i].ref.div(c2.ref);
        return p.sub(mHat.mul(lr).div(np.sqrt(vHat).add(EPSILON)));
      });
      c1.dispose();
      c2.dispose();
      return { params: stepped, slots: [m2, v2], t: next };
    },
  };
}

const stepCount = (models: number) => np.zeros(models > 1 ? [models] : []);
