// The activations and their derivatives, by ACTIVATION_CODE (context.ts): 0 linear, 1 relu,
// 2 tanh, 3 sigmoid. Prepended to the kernels that activate (no bindings of their own), so
// every kernel computes them alike, as the CPU reference does.

fn activation(kind: u32, z: f32) -> f32 {
  switch kind {
    case 1u: { return max(z, 0.0); }
    // tanh is ±1 in f32 beyond |z| ≈ 9; clamping avoids exp overflow in tanh's expansion.
    case 2u: { return tanh(clamp(z, -10.0, 10.0)); }
    case 3u: { return 1.0 / (1.0 + exp(-z)); }
    default: { return z; }
  }
}

// dy ⊙ act'(z) from the output y = act(z): products in the CPU reference's order; relu selects
// rather than multiplies, so dy passes unchanged.
fn activationGradient(kind: u32, upstream: f32, value: f32) -> f32 {
  switch kind {
    case 1u: { return select(0.0, upstream, value > 0.0); }
    case 2u: { return upstream * (1.0 - value * value); }
    case 3u: { return upstream * value * (1.0 - value); }
    default: { return upstream; }
  }
}
