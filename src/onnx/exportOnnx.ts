/**
 * A trained network as a standard ONNX model (opset 17): input `input` float32 [N, ...inputShape],
 * output `probabilities` float32 [N, classes] (Softmax over the last axis), evaluation mode
 * (dropout is the identity). Built as typed `onnx-buf` messages and serialised by protobuf-es.
 */
import { create, toBinary } from '@bufbuild/protobuf';
import { GraphProtoSchema, ModelProtoSchema, Version, type NodeProto, type TensorProto } from 'onnx-buf';
import { computeLayout } from '../model/layout.ts';
import { modelLayers } from '../model/network.ts';
import type { ModelSpec } from '../model/types.ts';
import { OnnxExportError } from './errors.ts';
import { exportLayer, type GraphValue } from './layerExports.ts';
import { floatValueInfo, intAttribute, node } from './protoParts.ts';

/** The ai.onnx opset the graph is written against. */
export const ONNX_OPSET = 17;
/** Graph input and output names, the same for every exported model. */
export const ONNX_INPUT = 'input';
export const ONNX_OUTPUT = 'probabilities';
/** The symbolic batch dimension of input and output. */
const BATCH = 'N';

/** What the model file says about where it comes from (ONNX metadata_props). */
export interface OnnxMetadata {
  /** The experiment's share link. */
  link: string;
  generation: number;
  dataset: string;
  /** One name per output column. */
  classNames: readonly string[];
}

export interface OnnxExportOptions {
  metadata: OnnxMetadata;
  /**
   * The shape of one example as the graph receives it, e.g. [1, 28, 28] for an image whose
   * 784 pixels the MLP reads row-major (the graph flattens it). Default: [spec.inputDim], or a
   * CNN's [channels, height, width].
   */
  inputShape?: readonly number[];
}

/** The metadata_props keys; classNames is stored as a JSON array. */
export const METADATA_KEYS = { link: 'link', generation: 'generation', dataset: 'dataset', classNames: 'classNames' } as const;

/** One example's shape as an exported model takes it by default: [channels, height, width] for a CNN, [inputDim] for an MLP. */
export function exampleShape(spec: ModelSpec): number[] {
  return spec.kind === 'cnn' ? [spec.image.channels, spec.image.height, spec.image.width] : [spec.inputDim];
}

/** The ONNX bytes of `spec` with `parameters` (the packed form of `Network.getParameters()`). */
export function exportOnnx(spec: ModelSpec, parameters: Float32Array, options: OnnxExportOptions): Uint8Array {
  const layers = modelLayers(spec);
  const layout = computeLayout(spec.inputDim, layers);
  if (parameters.length !== layout.count) {
    throw new OnnxExportError(`This ${spec.kind} has ${layout.count} parameters, got ${parameters.length}.`);
  }
  const inputShape = [...(options.inputShape ?? exampleShape(spec))];
  if (!inputShape.every((d) => Number.isInteger(d) && d >= 1) || inputShape.reduce((a, b) => a * b, 1) !== spec.inputDim) {
    throw new OnnxExportError(`Input shape [${inputShape.join(', ')}] does not hold the model's ${spec.inputDim} input features.`);
  }
  if (options.metadata.classNames.length !== spec.classes) {
    throw new OnnxExportError(`${options.metadata.classNames.length} class names for a model of ${spec.classes} classes.`);
  }
  const nodes: NodeProto[] = [];
  const initializers: TensorProto[] = [];
  let value: GraphValue = { name: ONNX_INPUT, shape: inputShape };
  layers.forEach((layer, index) => {
    const views = layout.layers[index];
    const arrays = views.map((view) => parameters.subarray(view.packedOffset, view.packedOffset + view.size));
    const exported = exportLayer(layer, value, arrays, index);
    nodes.push(...exported.nodes);
    initializers.push(...exported.initializers);
    value = exported.output;
  });
  nodes.push(node('Softmax', 'softmax', [value.name], [ONNX_OUTPUT], [intAttribute('axis', -1)]));
  const graph = create(GraphProtoSchema, {
    name: `autodidact_${spec.kind}`,
    node: nodes,
    initializer: initializers,
    input: [floatValueInfo(ONNX_INPUT, [BATCH, ...inputShape])],
    output: [floatValueInfo(ONNX_OUTPUT, [BATCH, spec.classes])],
  });
  const model = create(ModelProtoSchema, {
    irVersion: BigInt(Version.IR_VERSION_2021_7_30),
    opsetImport: [{ domain: '', version: BigInt(ONNX_OPSET) }],
    producerName: 'autodidact',
    docString: `Generation ${options.metadata.generation} of ${options.metadata.link}`,
    graph,
    metadataProps: metadataProps(options.metadata),
  });
  return toBinary(ModelProtoSchema, model);
}

function metadataProps(metadata: OnnxMetadata): { key: string; value: string }[] {
  return [
    { key: METADATA_KEYS.link, value: metadata.link },
    { key: METADATA_KEYS.generation, value: String(metadata.generation) },
    { key: METADATA_KEYS.dataset, value: metadata.dataset },
    { key: METADATA_KEYS.classNames, value: JSON.stringify(metadata.classNames) },
  ];
}
