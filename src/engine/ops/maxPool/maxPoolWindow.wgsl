// windowArgmax: the flat index in x of the maximum of the 2×2 window at pooled (py, px) of the
// plane starting at `base`, the first maximum in the order (0,0), (0,1), (1,0), (1,1), as the
// CPU reference picks (cpu.ts). Prepended to maxPool.wgsl and
// maxPoolBackward.wgsl, which declare `x` and `params.width` and set xBase, where the
// model being computed starts in x (models.wgsl). Indices are within the model's slice;
// out-of-slice taps lose.

var<private> xBase: u32;

fn tap(index: u32) -> f32 {
  if (index >= room(arrayLength(&x), xBase)) { return -3.4e38; }
  return x[xBase + index];
}

fn windowArgmax(base: u32, py: u32, px: u32) -> u32 {
  let top = base + 2u * py * params.width + 2u * px;
  var best = top;
  if (tap(top + 1u) > tap(best)) { best = top + 1u; }
  if (tap(top + params.width) > tap(best)) { best = top + params.width; }
  if (tap(top + params.width + 1u) > tap(best)) { best = top + params.width + 1u; }
  return best;
}
