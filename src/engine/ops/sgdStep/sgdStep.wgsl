// sgdStep over the flat parameter buffer: g = grad + l2·decay·param;
// velocity = momentum·velocity + g; param -= lr·velocity.
//
// Bindings (group 0):
//   0 params    uniform              Params
//   1 weights   storage, read_write  array<f32>  the parameters
//   2 grads     storage, read        array<f32>
//   3 velocity  storage, read_write  array<f32>
//   4 decay     storage, read        array<f32>  1 on weights, 0 on biases and padding

struct Params {
  models: u32,
  count: u32,
  lr: f32,
  momentum: f32,
  l2: f32,
  weightsModel: u32,
  gradsModel: u32,
  velocityModel: u32,
  decayModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> weights: array<f32>;
@group(0) @binding(2) var<storage, read> grads: array<f32>;
@group(0) @binding(3) var<storage, read_write> velocity: array<f32>;
@group(0) @binding(4) var<storage, read> decay: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  for (var model = gid.z; model < params.models; model += groups.z) {
    let w = model * params.weightsModel;
    let gr = model * params.gradsModel;
    let ve = model * params.velocityModel;
    let de = model * params.decayModel;
    let count = min(params.count, min(min(room(arrayLength(&weights), w), room(arrayLength(&grads), gr)), min(room(arrayLength(&velocity), ve), room(arrayLength(&decay), de))));
    for (var i = gid.x; i < count; i += groups.x * WG) {
      let g = grads[gr + i] + params.l2 * decay[de + i] * weights[w + i];
      let v = params.momentum * velocity[ve + i] + g;
      velocity[ve + i] = v;
      weights[w + i] -= params.lr * v;
    }
  }
}
