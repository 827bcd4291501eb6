// windowArgmax: the flat index in x of the maximum of the 2×2 window at pooled (py, px) of the
// plane starting at `base`, the first maximum in the order (0,0), (0,1), (1,0), (1,1), as the
// CPU reference picks (cpu.ts); firstMax picks it among a window's four values. Prepended to
// maxPool.wgsl and maxPoolBackward.wgsl, which declare `x` and `params.width` and set xBase,
// where the model being computed starts in x (models.wgsl). Indices are within the model's
// slice; out-of-slice taps lose.

var<private> xBase: u32;

fn tap(index: u32) -> f32 {
  if (index >= room(arrayLength(&x), xBase)) { return -3.4e38; }
  return x[xBase + index];
}

// The position of the first maximum of a window's values v = ((0,0), (0,1), (1,0), (1,1)): 0 to 3.
fn firstMax(v: vec4f) -> u32 {
  var best = 0u;
  var top = v.x;
  if (v.y > top) { best = 1u; top = v.y; }
  if (v.z > top) { best = 2u; top = v.z; }
  if (v.w > top) { best = 3u; }
  return best;
}

// The flat index of window position `corner` (firstMax's numbering) from its top-left index.
fn cornerIndex(top: u32, corner: u32) -> u32 {
  return top + (corner / 2u) * params.width + corner % 2u;
}

// The window's four values from its top-left index.
fn window(top: u32) -> vec4f {
  return vec4f(tap(top), tap(top + 1u), tap(top + params.width), tap(top + params.width + 1u));
}

fn windowArgmax(base: u32, py: u32, px: u32) -> u32 {
  let top = base + 2u * py * params.width + 2u * px;
  return cornerIndex(top, firstMax(window(top)));
}
