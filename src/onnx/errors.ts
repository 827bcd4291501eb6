/** A model that cannot be written as ONNX as asked (parameters or input shape that do not fit its spec). */
export class OnnxExportError extends Error {
  override readonly name = 'OnnxExportError';
}
