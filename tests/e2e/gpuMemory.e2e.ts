import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Worker } from 'playwright-core';
import { encodeLink } from '../../src/config/codec.ts';
import { smallConfig } from '../selftrain/fixtures.ts';
import { launchChromium } from './browser.ts';
import { runToEnd } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Live GPU buffers and devices in the worker, counted by hooks on the real WebGPU objects. */
interface GpuCounts {
  buffers: number;
  devices: number;
  created: number;
}

/** Wraps requestDevice, createBuffer, GPUBuffer.destroy and GPUDevice.destroy in the worker so it can count what is alive. */
async function countGpuObjects(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const live = new Map<GPUBuffer, GPUDevice>();
    const devices = new Set<GPUDevice>();
    const scope = self as unknown as { gpuCounts: () => GpuCounts };
    let created = 0;
    const requestDevice = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
      const device = await requestDevice.call(this, descriptor);
      devices.add(device);
      return device;
    };
    const createBuffer = GPUDevice.prototype.createBuffer;
    GPUDevice.prototype.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
      const buffer = createBuffer.call(this, descriptor);
      live.set(buffer, this);
      created++;
      return buffer;
    };
    const destroyBuffer = GPUBuffer.prototype.destroy;
    GPUBuffer.prototype.destroy = function (this: GPUBuffer) {
      live.delete(this);
      destroyBuffer.call(this);
    };
    const destroyDevice = GPUDevice.prototype.destroy;
    GPUDevice.prototype.destroy = function (this: GPUDevice) {
      devices.delete(this);
      destroyDevice.call(this);
    };
    // A buffer of a destroyed device is gone with it; count only buffers of devices still alive.
    scope.gpuCounts = () => ({ buffers: [...live.values()].filter((device) => devices.has(device)).length, devices: devices.size, created });
  });
}

test('20 runs and resets on WebGPU in one page leave no GPU buffer or device alive; a reset mid-run ends the worker that held the device', async () => {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const workerReady = page.waitForEvent('worker');
  await page.goto(`${inject('baseUrl')}#${encodeLink(smallConfig({ backend: 'webgpu', gens: 1, epochs: 2 }))}`);
  await runToEnd(page);
  const worker = await workerReady;
  await countGpuObjects(worker);
  const counts = () => worker.evaluate(() => (self as unknown as { gpuCounts: () => GpuCounts }).gpuCounts());
  const start = await counts();
  const reset = page.getByRole('button', { name: 'Reset', exact: true });
  for (let run = 0; run < 20; run++) {
    await runToEnd(page);
    await reset.click();
  }
  await expect.poll(async () => (await counts()).devices, { timeout: 10_000 }).toBe(start.devices);
  const end = await counts();
  // Every run made its device and buffers (dozens each) and gave every one back.
  expect(end.created).toBeGreaterThan(start.created + 20 * 10);
  expect(end).toMatchObject({ buffers: start.buffers, devices: 0 });

  // Reset mid-run terminates the worker, which frees its device with it (the next run gets a fresh worker).
  const closed = new Promise<void>((resolve) => worker.on('close', () => resolve()));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(async () => (await counts()).devices, { timeout: 30_000 }).toBe(1);
  await reset.click();
  await closed;
  await runToEnd(page);
  expect(pageErrors).toEqual([]);
  await page.close();
});
