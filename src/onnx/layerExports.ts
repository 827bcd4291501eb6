/**
 * How each kind of engine layer becomes ONNX nodes, in evaluation mode. One entry per
 * `LayerSpec` kind: a new kind plugs in by adding its entry here.
 */
import type { NodeProto, TensorProto } from 'onnx-buf';
import type { Activation, ImageShape } from '../engine/backend.ts';
import type { ConvSpec, DenseSpec, DropoutSpec, LayerSpec, MaxPoolSpec } from '../model/layers/layer.ts';
import { OnnxExportError } from './errors.ts';
import { floatTensor, int64Tensor, intAttribute, intsAttribute, node } from './protoParts.ts';

/** A tensor of the graph under construction and the shape of one example in it (the batch axis left out). */
export interface GraphValue {
  name: string;
  shape: number[];
}

/** The nodes and initializers one layer adds, and the value it leaves for the next layer. */
export interface LayerExport {
  nodes: NodeProto[];
  initializers: TensorProto[];
  output: GraphValue;
}

/**
 * Exports layer `index` fed with `input`; `parameters` are its parameter arrays in the order of
 * its ParameterShapes (src/model/layers), already sliced out of the packed parameters.
 */
type LayerExporter<S extends LayerSpec> = (spec: S, input: GraphValue, parameters: Float32Array[], index: number) => LayerExport;

/** ONNX op of each activation; `linear` adds no node. */
const ACTIVATION_OPS: Readonly<Record<Activation, string | null>> = { relu: 'Relu', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: null };

/** y = act(x·W + b) as MatMul, Add and the activation; x of rank > 1 (an image) is flattened first. */
const exportDense: LayerExporter<DenseSpec> = (spec, input, parameters, index) => {
  const prefix = `layer${index}_dense`;
  const nodes: NodeProto[] = [];
  let x = input.name;
  if (input.shape.length > 1) {
    x = `${prefix}_flat`;
    nodes.push(node('Flatten', `${prefix}_flatten`, [input.name], [x], [intAttribute('axis', 1)]));
  }
  const inDim = input.shape.reduce((a, b) => a * b, 1);
  const [weights, bias] = parameters;
  if (weights.length !== inDim * spec.units || bias.length !== spec.units) {
    throw new OnnxExportError(`Layer ${index} (dense ${inDim}→${spec.units}) got ${weights.length} weights and ${bias.length} biases.`);
  }
  const op = ACTIVATION_OPS[spec.activation];
  const output = op ? `${prefix}_${op.toLowerCase()}` : `${prefix}_out`;
  nodes.push(
    node('MatMul', `${prefix}_matmul`, [x, `${prefix}_W`], [`${prefix}_xw`]),
    node('Add', `${prefix}_add`, [`${prefix}_xw`, `${prefix}_b`], [op ? `${prefix}_z` : output]),
  );
  if (op) nodes.push(node(op, `${prefix}_${op.toLowerCase()}`, [`${prefix}_z`], [output]));
  return {
    nodes,
    initializers: [floatTensor(`${prefix}_W`, [inDim, spec.units], weights), floatTensor(`${prefix}_b`, [spec.units], bias)],
    output: { name: output, shape: [spec.units] },
  };
};

/** The input as a [channels, height, width] image: as it is when it has that shape, else reshaped (NCHW, the engine's row order). */
function asImage(input: GraphValue, image: ImageShape, prefix: string, index: number): { x: string; nodes: NodeProto[]; initializers: TensorProto[] } {
  const { channels, height, width } = image;
  const size = input.shape.reduce((a, b) => a * b, 1);
  if (size !== channels * height * width) {
    throw new OnnxExportError(`Layer ${index} reads ${channels}×${height}×${width} images, got values of shape [${input.shape.join(', ')}].`);
  }
  if (input.shape.join() === [channels, height, width].join()) return { x: input.name, nodes: [], initializers: [] };
  const x = `${prefix}_image`;
  return {
    x,
    nodes: [node('Reshape', `${prefix}_reshape`, [input.name, `${prefix}_shape`], [x])],
    initializers: [int64Tensor(`${prefix}_shape`, [-1, channels, height, width])],
  };
}

/** y = act(conv(x, W) + b) as ONNX Conv (W in its [filters, channels, k, k] layout, 'same' zero pads, stride 1) and the activation. */
const exportConv: LayerExporter<ConvSpec> = (spec, input, parameters, index) => {
  const prefix = `layer${index}_conv`;
  const { x, nodes, initializers } = asImage(input, spec.input, prefix, index);
  const { channels, height, width } = spec.input;
  const [weights, bias] = parameters;
  const k = spec.kernel;
  if (weights.length !== spec.filters * channels * k * k || bias.length !== spec.filters) {
    throw new OnnxExportError(`Layer ${index} (conv ${channels}→${spec.filters}, ${k}×${k}) got ${weights.length} weights and ${bias.length} biases.`);
  }
  const pad = (k - 1) / 2;
  const op = ACTIVATION_OPS[spec.activation];
  const output = op ? `${prefix}_${op.toLowerCase()}` : `${prefix}_out`;
  const attributes = [intsAttribute('kernel_shape', [k, k]), intsAttribute('pads', [pad, pad, pad, pad]), intsAttribute('strides', [1, 1])];
  nodes.push(node('Conv', `${prefix}_conv`, [x, `${prefix}_W`, `${prefix}_b`], [op ? `${prefix}_z` : output], attributes));
  if (op) nodes.push(node(op, `${prefix}_${op.toLowerCase()}`, [`${prefix}_z`], [output]));
  initializers.push(floatTensor(`${prefix}_W`, [spec.filters, channels, k, k], weights), floatTensor(`${prefix}_b`, [spec.filters], bias));
  return { nodes, initializers, output: { name: output, shape: [spec.filters, height, width] } };
};

/** 2×2 max-pooling, stride 2, as ONNX MaxPool (floor output size, as the engine drops an odd last row and column). */
const exportMaxPool: LayerExporter<MaxPoolSpec> = (spec, input, _parameters, index) => {
  const prefix = `layer${index}_maxpool`;
  const { x, nodes, initializers } = asImage(input, spec.input, prefix, index);
  const { channels, height, width } = spec.input;
  const output = `${prefix}_out`;
  nodes.push(node('MaxPool', `${prefix}_pool`, [x], [output], [intsAttribute('kernel_shape', [2, 2]), intsAttribute('strides', [2, 2])]));
  return { nodes, initializers, output: { name: output, shape: [channels, Math.floor(height / 2), Math.floor(width / 2)] } };
};

/** Dropout is the identity in evaluation mode: no node at all. */
const exportDropout: LayerExporter<DropoutSpec> = (_spec, input) => ({ nodes: [], initializers: [], output: input });

const LAYER_EXPORTERS: { readonly [K in LayerSpec['kind']]: LayerExporter<Extract<LayerSpec, { kind: K }>> } = {
  dense: exportDense,
  dropout: exportDropout,
  conv: exportConv,
  maxpool: exportMaxPool,
};

/** Exports one layer through its kind's entry in the table. */
export function exportLayer(spec: LayerSpec, input: GraphValue, parameters: Float32Array[], index: number): LayerExport {
  const exporter = LAYER_EXPORTERS[spec.kind] as LayerExporter<LayerSpec>;
  return exporter(spec, input, parameters, index);
}
