// The model dimension (prepended to every kernel). A dispatch's workgroup z is the model k;
// a binding x of a stacked tensor holds model k's slice from element k · params.xModel on
// (xModel is 0 for a tensor every model shares), so each kernel adds that base to its
// indices and bounds them by the room left in the binding from the base.

// Elements of a binding of `length` from `base` on (0 when base lies past its end).
fn room(length: u32, base: u32) -> u32 {
  return length - min(base, length);
}
