import type { AdapterSummary } from '../report/types.ts';

/** The adapter a page gets by default, described; null without WebGPU or an adapter. */
export async function describeDefaultAdapter(): Promise<AdapterSummary | null> {
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) return null;
  const { info } = adapter;
  // Newer browsers say it on the info, older ones on the adapter itself.
  const legacy = adapter as GPUAdapter & { isFallbackAdapter?: boolean };
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    isFallbackAdapter: info.isFallbackAdapter ?? legacy.isFallbackAdapter ?? false,
  };
}
