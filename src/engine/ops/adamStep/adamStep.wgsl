// adamStep over the flat parameter buffer, moments = [m (count) | v (count)]:
// g = grad + l2·decay·param; m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²;
// param -= lr·(m·c1) / (√(v·c2) + ε), with the bias corrections c1 = 1/(1-β1^t) and
// c2 = 1/(1-β2^t) computed on the host in double precision.
//
// Bindings (group 0):
//   0 params   uniform              Params
//   1 weights  storage, read_write  array<f32>  the parameters
//   2 grads    storage, read        array<f32>
//   3 moments  storage, read_write  array<f32>  2·count
//   4 decay    storage, read        array<f32>

struct Params {
  models: u32,
  count: u32,
  lr: f32,
  beta1: f32,
  beta2: f32,
  epsilon: f32,
  l2: f32,
  firstCorrection: f32,
  secondCorrection: f32,
  weightsModel: u32,
  gradsModel: u32,
  momentsModel: u32,
  decayModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> weights: array<f32>;
@group(0) @binding(2) var<storage, read> grads: array<f32>;
@group(0) @binding(3) var<storage, read_write> moments: array<f32>;
@group(0) @binding(4) var<storage, read> decay: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    // v lives at params.count + i, so moments must hold 2·count; otherwise nothing is touched.
    let w = model * params.weightsModel;
    let gr = model * params.gradsModel;
    let mo = model * params.momentsModel;
    let de = model * params.decayModel;
    let fits = 2u * params.count <= room(arrayLength(&moments), mo);
    let count = select(0u, min(params.count, min(min(room(arrayLength(&weights), w), room(arrayLength(&grads), gr)), room(arrayLength(&decay), de))), fits);
    for (var i = gid.x; i < count; i += groups.x * WG) {
      let g = grads[gr + i] + params.l2 * decay[de + i] * weights[w + i];
      let m = params.beta1 * moments[mo + i] + (1.0 - params.beta1) * g;
      let v = params.beta2 * moments[mo + params.count + i] + (1.0 - params.beta2) * g * g;
      moments[mo + i] = m;
      moments[mo + params.count + i] = v;
      weights[w + i] -= (params.lr * (m * params.firstCorrection)) / (sqrt(v * params.secondCorrection) + params.epsilon);
    }
  }
}
