// maxPool: out[r, c, y, x] = max of the 2×2 window x[r, c, 2y + dy, 2x + dx] (stride 2;
// an odd last row or column is dropped), one invocation per output element; workgroups
// along z walk the models (models.wgsl). windowArgmax is
// shared with maxPoolBackward.wgsl: the first maximum in the order (0,0), (0,1), (1,0), (1,1).
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 x       storage, read        array<f32>  planes×height×width (planes = rows·channels)
//   2 out     storage, read_write  array<f32>  planes×⌊height/2⌋×⌊width/2⌋

struct Params {
  models: u32,
  planes: u32,
  height: u32,
  width: u32,
  xModel: u32,
  outModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let outHeight = params.height / 2u;
  let outWidth = params.width / 2u;
  for (var model = gid.z; model < params.models; model += groups.z) {
    xBase = model * params.xModel;
    let outBase = model * params.outModel;
    let count = min(params.planes * outHeight * outWidth, room(arrayLength(&out), outBase));
    for (var e = gid.x; e < count; e += groups.x * WG) {
      let plane = e / (outHeight * outWidth);
      let rest = e % (outHeight * outWidth);
      let top = windowArgmax(plane * params.height * params.width, rest / outWidth, rest % outWidth);
      out[outBase + e] = tap(top);
    }
  }
}
