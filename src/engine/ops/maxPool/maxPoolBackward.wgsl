// maxPoolBackward: dx[r, c, y, x] = dy[r, c, y/2, x/2] where (y, x) is the argmax of its 2×2
// window (firstMax, recomputed from the forward input x), else 0; 0 on a dropped odd last
// row or column. One invocation per window, cells of ⌈height/2⌉ × ⌈width/2⌉ per plane (a
// cell past the pooled rows or columns covers the dropped ones): it loads the window's four
// x and its dy once and writes the window's dx elements, each its own: no races, and a
// quarter of the loads of one invocation per element. Workgroups along z walk the models
// (models.wgsl).
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
  let cellRows = (params.height + 1u) / 2u;
  let cellColumns = (params.width + 1u) / 2u;
  let planeSize = params.height * params.width;
  let cells = params.planes * cellRows * cellColumns;
  for (var model = gid.z; model < params.models; model += groups.z) {
    xBase = model * params.xModel;
    let dyBase = model * params.dyModel;
    let dxBase = model * params.dxModel;
    let dxRoom = room(arrayLength(&dx), dxBase);
    for (var e = gid.x; e < cells; e += groups.x * WG) {
      let plane = e / (cellRows * cellColumns);
      let cy = (e / cellColumns) % cellRows;
      let cx = e % cellColumns;
      let top = plane * planeSize + 2u * cy * params.width + 2u * cx;
      // The window's corner that takes dy (4: none, on a dropped row or column).
      var corner = 4u;
      var value = 0.0;
      let pooled = (plane * outHeight + cy) * outWidth + cx;
      if (cy < outHeight && cx < outWidth && pooled < room(arrayLength(&dy), dyBase)) {
        corner = firstMax(window(top));
        value = dy[dyBase + pooled];
      }
      for (var k = 0u; k < 4u; k++) {
        let index = cornerIndex(top, k);
        if (2u * cy + k / 2u < params.height && 2u * cx + k % 2u < params.width && index < dxRoom) {
          dx[dxBase + index] = select(0.0, value, k == corner);
        }
      }
    }
  }
}
