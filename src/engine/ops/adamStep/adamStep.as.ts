// The Adam step in WebAssembly SIMD. The CPU reference computes each element in float64 and
// stores float32; this kernel does the same operations in the same order on f64x2 lanes (two
// elements at a time), so the two agree bit for bit: IEEE add, multiply, divide and sqrt are
// correctly rounded everywhere, and no fused multiply-add is used.

/** Two f32 at `at`, widened to f64x2. */
@inline
function load2(at: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(at));
}

/** f64x2 narrowed to two f32 stored at `at`. */
@inline
function store2(at: usize, value: v128): void {
  v128.store64_lane(at, f32x4.demote_f64x2_zero(value), 0);
}

/**
 * params -= lr·(m·c1) / (sqrt(v·c2) + ε) with g = grads + l2·decay·params, m = β1·m + (1-β1)·g,
 * v = β2·v + (1-β2)·g·g; m in moments[0, count), v after it; c1 = 1/(1-β1^t), c2 = 1/(1-β2^t)
 * (computed by the caller in JavaScript, as the reference does).
 */
export function adamStep(params: usize, grads: usize, moments: usize, decay: usize, count: i32, lr: f64, beta1: f64, beta2: f64, epsilon: f64, l2: f64, c1: f64, c2: f64): void {
  const second = moments + ((<usize>count) << 2);
  const oneMinusBeta1 = 1 - beta1;
  const oneMinusBeta2 = 1 - beta2;
  const lrV = f64x2.splat(lr);
  const b1V = f64x2.splat(beta1);
  const b2V = f64x2.splat(beta2);
  const epsV = f64x2.splat(epsilon);
  const l2V = f64x2.splat(l2);
  const c1V = f64x2.splat(c1);
  const c2V = f64x2.splat(c2);
  const a1V = f64x2.splat(oneMinusBeta1);
  const a2V = f64x2.splat(oneMinusBeta2);
  let i = 0;
  for (; i + 2 <= count; i += 2) {
    const at = (<usize>i) << 2;
    const p = load2(params + at);
    const g = f64x2.add(load2(grads + at), f64x2.mul(f64x2.mul(l2V, load2(decay + at)), p));
    const m = f64x2.add(f64x2.mul(b1V, load2(moments + at)), f64x2.mul(a1V, g));
    const v = f64x2.add(f64x2.mul(b2V, load2(second + at)), f64x2.mul(f64x2.mul(a2V, g), g));
    store2(moments + at, m);
    store2(second + at, v);
    const step = f64x2.div(f64x2.mul(lrV, f64x2.mul(m, c1V)), f64x2.add(f64x2.sqrt(f64x2.mul(v, c2V)), epsV));
    store2(params + at, f64x2.sub(p, step));
  }
  for (; i < count; i++) {
    const at = (<usize>i) << 2;
    const p = <f64>load<f32>(params + at);
    const g = <f64>load<f32>(grads + at) + l2 * <f64>load<f32>(decay + at) * p;
    const m = beta1 * <f64>load<f32>(moments + at) + oneMinusBeta1 * g;
    const v = beta2 * <f64>load<f32>(second + at) + oneMinusBeta2 * g * g;
    store<f32>(moments + at, <f32>m);
    store<f32>(second + at, <f32>v);
    store<f32>(params + at, <f32>(p - (lr * (m * c1)) / (Math.sqrt(v * c2) + epsilon)));
  }
}
