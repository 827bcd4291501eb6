// The model dimension (prepended to every kernel). Each entry point walks the models in a
// grid-stride loop over workgroup z: `for (model = wid.z; model < params.models; model +=
// groups.z)`, so the host picks how many workgroups share the models (one per model on a
// GPU; one for all on a software adapter, which pays per workgroup). A binding x of a
// stacked tensor holds model k's slice from element k · params.xModel on (xModel is 0 for a
// tensor every model shares); each kernel adds that base to its indices and bounds them by
// the room left in the binding from the base.

// Elements of a binding of `length` from `base` on (0 when base lies past its end).
fn room(length: u32, base: u32) -> u32 {
  return length - min(base, length);
}
