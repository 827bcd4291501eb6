export { createWebGpuBackend, type WebGpuBackend } from './backend.ts';
export {
  describeAdapter,
  GpuDeviceLostError,
  NoGpuError,
  requestGpu,
  WEBGPU_BROWSERS,
  type AdapterDescription,
  type Gpu,
  type GpuLoss,
  type NoGpuReason,
} from './device.ts';
