// activationBackward in WebAssembly SIMD: dx = dy ⊙ act'(z) from y = act(z). relu selects with
// an f32x4 mask; tanh and sigmoid do the reference's float64 arithmetic in its order on f64x2
// lanes, so every activation agrees with the CPU reference bit for bit. dx may be dy.

/** 0 linear, 1 relu, 2 tanh, 3 sigmoid (the wrapper's ACTIVATION_CODES). */
export function activationBackward(y: usize, dy: usize, dx: usize, count: i32, activation: i32): void {
  let i = 0;
  if (activation == 1) {
    const zero = f32x4.splat(0);
    for (; i + 4 <= count; i += 4) {
      const at = (<usize>i) << 2;
      v128.store(dx + at, v128.and(v128.load(dy + at), f32x4.gt(v128.load(y + at), zero)));
    }
    for (; i < count; i++) {
      const at = (<usize>i) << 2;
      store<f32>(dx + at, load<f32>(y + at) > 0 ? load<f32>(dy + at) : 0);
    }
  } else if (activation == 2 || activation == 3) {
    const one = f64x2.splat(1);
    for (; i + 2 <= count; i += 2) {
      const at = (<usize>i) << 2;
      const yv = f64x2.promote_low_f32x4(v128.load64_zero(y + at));
      const dyv = f64x2.promote_low_f32x4(v128.load64_zero(dy + at));
      const value = activation == 2 ? f64x2.mul(dyv, f64x2.sub(one, f64x2.mul(yv, yv))) : f64x2.mul(f64x2.mul(dyv, yv), f64x2.sub(one, yv));
      v128.store64_lane(dx + at, f32x4.demote_f64x2_zero(value), 0);
    }
    for (; i < count; i++) {
      const at = (<usize>i) << 2;
      const yi = <f64>load<f32>(y + at);
      const dyi = <f64>load<f32>(dy + at);
      store<f32>(dx + at, <f32>(activation == 2 ? dyi * (1 - yi * yi) : dyi * yi * (1 - yi)));
    }
  } else if (dx != dy) {
    memory.copy(dx, dy, (<usize>count) << 2);
  }
}
