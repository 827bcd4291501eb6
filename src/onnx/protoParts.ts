/**
 * Small builders for the ONNX messages an exported graph is made of, on the typed schema of
 * `onnx-buf` (protobuf-es v2): the bytes are written by `toBinary`, never by hand.
 */
import { create, type MessageInitShape } from '@bufbuild/protobuf';
import {
  AttributeProto_AttributeType,
  AttributeProtoSchema,
  NodeProtoSchema,
  TensorProto_DataType,
  TensorProtoSchema,
  ValueInfoProtoSchema,
  type AttributeProto,
  type NodeProto,
  type TensorProto,
  type ValueInfoProto,
} from 'onnx-buf';

/** A dimension of a graph input or output: a fixed size, or a named symbolic one (the batch). */
export type Dimension = number | string;

/** A float32 initializer named `name` with `dims`, holding `values` (row-major). */
export function floatTensor(name: string, dims: readonly number[], values: Float32Array): TensorProto {
  // float_data (not raw_data): protobuf-es writes each float little-endian whatever the host.
  return create(TensorProtoSchema, { name, dims: dims.map(BigInt), dataType: TensorProto_DataType.FLOAT, floatData: Array.from(values) });
}

/** An int64 initializer (a Reshape's target shape). */
export function int64Tensor(name: string, values: readonly number[]): TensorProto {
  return create(TensorProtoSchema, { name, dims: [BigInt(values.length)], dataType: TensorProto_DataType.INT64, int64Data: values.map(BigInt) });
}

/** An attribute of integers (kernel_shape, pads, strides). */
export function intsAttribute(name: string, values: readonly number[]): AttributeProto {
  return create(AttributeProtoSchema, { name, type: AttributeProto_AttributeType.INTS, ints: values.map(BigInt) });
}

/** An integer attribute. */
export function intAttribute(name: string, value: number): AttributeProto {
  return create(AttributeProtoSchema, { name, type: AttributeProto_AttributeType.INT, i: BigInt(value) });
}

/** A node of the default (ai.onnx) domain. */
export function node(opType: string, name: string, inputs: string[], outputs: string[], attribute: AttributeProto[] = []): NodeProto {
  return create(NodeProtoSchema, { opType, name, input: inputs, output: outputs, attribute });
}

/** A float32 graph input or output of the given shape. */
export function floatValueInfo(name: string, shape: readonly Dimension[]): ValueInfoProto {
  const dim = shape.map((d) => ({ value: typeof d === 'number' ? { case: 'dimValue' as const, value: BigInt(d) } : { case: 'dimParam' as const, value: d } }));
  const type: MessageInitShape<typeof ValueInfoProtoSchema>['type'] = {
    value: { case: 'tensorType', value: { elemType: TensorProto_DataType.FLOAT, shape: { dim } } },
  };
  return create(ValueInfoProtoSchema, { name, type });
}
