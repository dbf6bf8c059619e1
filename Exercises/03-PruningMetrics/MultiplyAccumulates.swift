import PruningCore

/// The multiply-accumulates (MACs) one example costs in a layer, for a given input shape.
///
/// Only the weight multiplications count, as ShrinkBench and the MIT 6.5940 lab count them:
///
/// | layer | MACs per example |
/// |---|---|
/// | `Dense` | `in · out` |
/// | `Conv2D` (groups 1) | `Cout · Hout · Wout · Cin · kh · kw` |
/// | `BatchNorm`, `relu`, `flatten` | 0 |
///
/// Biases add no MACs. `inputShape` starts with the batch dimension (as
/// `Sequential.activationShapes(forInput:)` takes it), but the count is per example: the batch
/// size does not change it. A convolution's output size comes from its stride and padding.
///
/// ```swift
/// // 3 → 8 channels, 3×3 kernel, padding 1, on a 32×32 image: the output is 32×32.
/// try macs(of: .conv2D(conv), inputShape: [1, 3, 32, 32])   // 8 · 32 · 32 · 3 · 3 · 3 = 221_184
/// try macs(of: .dense(dense), inputShape: [5, 4])           // a 4 → 3 layer: 12
/// ```
///
/// - Parameters:
///   - layer: The layer.
///   - inputShape: The shape the layer receives, batch dimension first.
/// - Returns: The MACs for one example.
/// - Throws: The shape error the layer's `forward` would raise for this input shape
///   (`PruningError.rankMismatch`, `PruningError.shapeMismatch`, …);
///   `PruningError.invalidShape` for a negative dimension.
/// - Complexity: O(1) beyond checking the shape.
public func macs(of layer: Layer, inputShape: [Int]) throws(PruningError) -> Int {
  // TODO: Check the input shape (tracing a one-layer Sequential does it), then apply the per-layer
  // formula for one example.
  throw .notImplemented("macs(of:inputShape:)")
}

/// The floating-point operations one example costs in a layer: 2 per multiply-accumulate.
///
/// A multiply-accumulate is a multiplication and an addition, so FLOPs = 2 · MACs. Papers often
/// write "FLOPs" for MACs; say which one you mean.
///
/// ```swift
/// try flops(of: .dense(dense), inputShape: [1, 4])   // a 4 → 3 layer: 24
/// ```
///
/// - Parameters:
///   - layer: The layer.
///   - inputShape: The shape the layer receives, batch dimension first.
/// - Returns: The FLOPs for one example.
/// - Throws: The errors of ``macs(of:inputShape:)``.
/// - Complexity: O(1) beyond checking the shape.
public func flops(of layer: Layer, inputShape: [Int]) throws(PruningError) -> Int {
  // TODO: One multiply-accumulate is two floating-point operations.
  throw .notImplemented("flops(of:inputShape:)")
}

/// The multiply-accumulates one example costs in a model: the sum over its layers.
///
/// Each layer is counted at the shape it receives: the model's input for the first layer, the
/// previous layer's output (`Sequential.activationShapes(forInput:)`) for the others.
///
/// ```swift
/// // Conv2D 1 → 4 (3×3) on 8×8, BatchNorm, ReLU, Flatten, Dense 144 → 10:
/// try macs(of: model, inputShape: [1, 1, 8, 8])   // 4 · 6 · 6 · 9 + 144 · 10 = 2736
/// ```
///
/// - Parameters:
///   - model: The model.
///   - inputShape: The model's input shape, batch dimension first.
/// - Returns: The MACs for one example (0 for a model without `Dense` or `Conv2D` layers).
/// - Throws: The shape error of the first layer that cannot take its input;
///   `PruningError.invalidShape` for a negative dimension.
/// - Complexity: O(*layers*).
public func macs(of model: Sequential, inputShape: [Int]) throws(PruningError) -> Int {
  // TODO: Pair every layer with the shape it receives (activationShapes gives the outputs) and add
  // up the layers' MACs.
  throw .notImplemented("macs(of:inputShape:)")
}

/// The floating-point operations one example costs in a model: 2 · its MACs.
///
/// ```swift
/// try flops(of: model, inputShape: [1, 1, 8, 8])   // 2 · 2736 = 5472
/// ```
///
/// - Parameters:
///   - model: The model.
///   - inputShape: The model's input shape, batch dimension first.
/// - Returns: The FLOPs for one example.
/// - Throws: The errors of ``macs(of:inputShape:)``.
/// - Complexity: O(*layers*).
public func flops(of model: Sequential, inputShape: [Int]) throws(PruningError) -> Int {
  // TODO: Two floating-point operations per multiply-accumulate of the model.
  throw .notImplemented("flops(of:inputShape:)")
}
