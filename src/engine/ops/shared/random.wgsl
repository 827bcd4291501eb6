// The counter-based hash of ops/shared/random.ts, bit for bit: u32 xor, shift and
// wrapping multiply only. Prepended to the kernels that draw random numbers; no bindings.

// lowbias32 (Chris Wellons' hash prospector).
fn lowbias32(value: u32) -> u32 {
  var x = value;
  x ^= x >> 16u;
  x *= 0x7feb352du;
  x ^= x >> 15u;
  x *= 0x846ca68bu;
  return x ^ (x >> 16u);
}

// Element `index` of the stream whose keys (a, b) the host derived from (seed, counter).
fn streamHash(keyA: u32, keyB: u32, index: u32) -> u32 {
  return lowbias32(lowbias32(index ^ keyA) ^ keyB);
}
