/** A model that cannot be written as ONNX as asked (parameters or input shape that do not fit its spec). */
export class OnnxExportError extends Error {
  override readonly name = 'OnnxExportError';
}

/** A file that cannot teach this experiment: not an ONNX model onnxruntime reads, or one whose shapes do not fit the dataset. */
export class TeacherImportError extends Error {
  override readonly name = 'TeacherImportError';
}
