// The reconstructionLoss kernel in WebAssembly SIMD. The CPU reference computes in float64 and
// stores float32, a row's squares summed as two sums (even and odd columns) added at the end;
// this kernel does the same operations in the same order, the two sums the lanes of one
// f64x2, so the two agree bit for bit (IEEE add, multiply and divide are correctly rounded
// everywhere, and no fused multiply-add is used).

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

/** Adds `value` to the f32 at `at`, in float64 as the reference's `stats[i] += value`. */
@inline
function addTo(at: usize, value: f64): void {
  store<f32>(at, <f32>(<f64>load<f32>(at) + value));
}

/**
 * dOutputs = 2·w_r·(y - t) / (dim·Σ w) (0 when Σ w <= 0) over rows×dim; adds Σ_r w_r·E_r with
 * E_r = Σ_d (y - t)² / dim, Σ w and rows to stats[0], stats[1] and stats[3].
 */
export function reconstructionLoss(outputs: usize, targets: usize, weights: usize, rows: i32, dim: i32, dOutputs: usize, stats: usize): void {
  let weightSum: f64 = 0;
  for (let r = 0; r < rows; r++) weightSum += <f64>load<f32>(weights + ((<usize>r) << 2));
  const gradScale: f64 = weightSum > 0 ? 2 / (<f64>dim * weightSum) : 0;
  const rowBytes = (<usize>dim) << 2;
  let weightedLoss: f64 = 0;
  for (let r = 0; r < rows; r++) {
    const weight = <f64>load<f32>(weights + ((<usize>r) << 2));
    const rowScale = weight * gradScale;
    const scale = f64x2.splat(rowScale);
    const row = <usize>r * rowBytes;
    let sums = f64x2.splat(0);
    let d = 0;
    for (; d + 2 <= dim; d += 2) {
      const at = row + ((<usize>d) << 2);
      const error = f64x2.sub(load2(outputs + at), load2(targets + at));
      sums = f64x2.add(sums, f64x2.mul(error, error));
      store2(dOutputs + at, f64x2.mul(scale, error));
    }
    let even = f64x2.extract_lane(sums, 0);
    const odd = f64x2.extract_lane(sums, 1);
    if (d < dim) {
      const at = row + ((<usize>d) << 2);
      const error = <f64>load<f32>(outputs + at) - <f64>load<f32>(targets + at);
      even += error * error;
      store<f32>(dOutputs + at, <f32>(rowScale * error));
    }
    weightedLoss += (weight * (even + odd)) / <f64>dim;
  }
  addTo(stats, weightedLoss);
  addTo(stats + 4, weightSum);
  addTo(stats + 12, <f64>rows);
}
