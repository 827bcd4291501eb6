import { describe, expect, test } from 'vitest';
import { describeAdapter, NoGpuError, requestGpu, WEBGPU_BROWSERS } from '../../../src/engine/backends/webgpu.ts';
import { nodeGpu } from './nodeGpu.ts';

describe('requestGpu', () => {
  test('describes the adapter: SwiftShader here is software', async () => {
    const { device, description } = await nodeGpu();
    expect(description.summary).toMatch(/\((software|hardware)\)$/);
    if (description.architecture === 'swiftshader') expect(description).toMatchObject({ vendor: 'google', software: true, summary: 'google swiftshader (software)' });
    expect(device.label).toBe('autodidact device');
    device.destroy();
  });

  test('without WebGPU, or without an adapter, throws NoGpuError naming the browsers that have it', async () => {
    await expect(requestGpu(undefined)).rejects.toMatchObject({ name: 'NoGpuError', reason: 'no-api' });
    const noAdapter = { requestAdapter: async () => null } as unknown as GPU;
    const error = await requestGpu(noAdapter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoGpuError);
    expect(error).toMatchObject({ reason: 'no-adapter' });
    expect((error as Error).message).toContain(WEBGPU_BROWSERS);
  });

  test('a refused device is a NoGpuError too', async () => {
    const adapter = { limits: {}, requestDevice: async () => Promise.reject(new Error('limits')) };
    const gpu = { requestAdapter: async () => adapter } as unknown as GPU;
    await expect(requestGpu(gpu)).rejects.toMatchObject({ reason: 'no-device' });
  });
});

describe('describeAdapter', () => {
  const adapter = (info: Partial<GPUAdapterInfo>, isFallbackAdapter?: boolean) => ({ info, isFallbackAdapter }) as unknown as GPUAdapter;
  test.each([
    [{ vendor: 'nvidia', architecture: 'ampere', description: 'NVIDIA GeForce RTX 3060' }, undefined, 'nvidia ampere (hardware)'],
    [{ vendor: 'google', architecture: 'swiftshader', description: '' }, undefined, 'google swiftshader (software)'],
    [{ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }, undefined, 'mesa (software)'],
    [{ vendor: 'intel', architecture: 'gen-12lp', description: '' }, true, 'intel gen-12lp (software)'],
    [{ vendor: '', architecture: '', description: '' }, undefined, 'unknown vendor (hardware)'],
  ])('%o → %s', (info, fallback, summary) => {
    expect(describeAdapter(adapter(info, fallback)).summary).toBe(summary);
  });
});
