// maxPoolBackward: dx[r, c, y, x] = dy[r, c, y/2, x/2] where (y, x) is the argmax of its 2×2
// window (windowArgmax, recomputed from the forward input x), else 0; 0 on a dropped odd last
// row or column. One invocation per element of dx, each writing only its own: no races;
// workgroups along z walk the models (models.wgsl).
//
// Bindings (group 0):
//   0 params  uniform              Params
//   1 x       storage, read        array<f32>  planes×height×width (planes = rows·channels)
//   2 dy      storage, read        array<f32>  planes×⌊height/2⌋×⌊width/2⌋
//   3 dx      storage, read_write  array<f32>  planes×height×width

struct Params {
  models: u32,
  planes: u32,
  height: u32,
  width: u32,
  xModel: u32,
  dyModel: u32,
  dxModel: u32,
}

override WG: u32 = 64;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let outHeight = params.height / 2u;
  let outWidth = params.width / 2u;
  let planeSize = params.height * params.width;
  for (var model = gid.z; model < params.models; model += groups.z) {
    xBase = model * params.xModel;
    let dyBase = model * params.dyModel;
    let dxBase = model * params.dxModel;
    let count = min(params.planes * planeSize, room(arrayLength(&dx), dxBase));
    for (var e = gid.x; e < count; e += groups.x * WG) {
      let plane = e / planeSize;
      let y = (e % planeSize) / params.width;
      let px = (e % planeSize) % params.width;
      var value = 0.0;
      if (y / 2u < outHeight && px / 2u < outWidth) {
        let window = (plane * outHeight + y / 2u) * outWidth + px / 2u;
        if (windowArgmax(plane * planeSize, y / 2u, px / 2u) == e && window < room(arrayLength(&dy), dyBase)) { value = dy[dyBase + window]; }
      }
      dx[dxBase + e] = value;
    }
  }
}
