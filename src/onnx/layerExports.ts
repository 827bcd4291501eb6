/**
 * How each kind of engine layer becomes ONNX nodes, in evaluation mode. One entry per
 * `LayerSpec` kind: a new kind (conv, pool) plugs in by adding its entry here.
 */
import type { NodeProto, TensorProto } from 'onnx-buf';
import type { Activation } from '../engine/backend.ts';
import type { DenseSpec, DropoutSpec, LayerSpec } from '../model/layers/layer.ts';
import { OnnxExportError } from './errors.ts';
import { floatTensor, intAttribute, node } from './protoParts.ts';

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

/** Dropout is the identity in evaluation mode: no node at all. */
const exportDropout: LayerExporter<DropoutSpec> = (_spec, input) => ({ nodes: [], initializers: [], output: input });

const LAYER_EXPORTERS: { readonly [K in LayerSpec['kind']]: LayerExporter<Extract<LayerSpec, { kind: K }>> } = {
  dense: exportDense,
  dropout: exportDropout,
};

/** Exports one layer through its kind's entry in the table. */
export function exportLayer(spec: LayerSpec, input: GraphValue, parameters: Float32Array[], index: number): LayerExport {
  const exporter = LAYER_EXPORTERS[spec.kind] as LayerExporter<LayerSpec>;
  return exporter(spec, input, parameters, index);
}
