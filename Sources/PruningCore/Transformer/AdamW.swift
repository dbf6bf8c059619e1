import Foundation

/// Adam with decoupled weight decay (Loshchilov & Hutter 2019), as PyTorch's `torch.optim.AdamW`.
///
/// Each step, for every parameter `p` with gradient `g` (step number `t` from 1):
///
/// ```
/// p ← p − lr · λ · p                       (only where weight decay applies)
/// m ← β₁ m + (1 − β₁) g
/// v ← β₂ v + (1 − β₂) g²
/// p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// ```
///
/// The moments start at zero and live in the optimiser, so keep one `AdamW` per model.
public struct AdamW: Hashable, Sendable {
  /// The step size.
  public var learningRate: Float

  /// The decay of the first moment, in `0..<1`.
  public var beta1: Float

  /// The decay of the second moment, in `0..<1`.
  public var beta2: Float

  /// The term that keeps the denominator away from zero.
  public var epsilon: Float

  /// The decoupled weight decay λ, applied as `p ← p − lr · λ · p`.
  public var weightDecay: Float

  /// The steps taken so far.
  public private(set) var stepCount = 0

  private var firstMoment: [Float] = []
  private var secondMoment: [Float] = []

  /// Creates an optimiser with zero moments.
  ///
  /// - Parameters:
  ///   - learningRate: The step size; finite, not negative.
  ///   - beta1: The first-moment decay, in `0..<1`.
  ///   - beta2: The second-moment decay, in `0..<1`.
  ///   - epsilon: Finite and positive.
  ///   - weightDecay: Finite, not negative.
  /// - Throws: `PruningError.invalidHyperparameter` naming the first value out of range.
  public init(
    learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
    weightDecay: Float = 0.01
  ) throws(PruningError) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    try validate()
  }

  private func validate() throws(PruningError) {
    let checks: [(String, Float, Bool)] = [
      ("learningRate", learningRate, learningRate.isFinite && learningRate >= 0),
      ("beta1", beta1, beta1 >= 0 && beta1 < 1),
      ("beta2", beta2, beta2 >= 0 && beta2 < 1),
      ("epsilon", epsilon, epsilon.isFinite && epsilon > 0),
      ("weightDecay", weightDecay, weightDecay.isFinite && weightDecay >= 0),
    ]
    for (name, value, ok) in checks where !ok {
      throw .invalidHyperparameter(name: name, value: Double(value))
    }
  }

  /// Takes one step on a flat parameter vector.
  ///
  /// - Parameters:
  ///   - parameters: The parameters, updated in place.
  ///   - gradients: Their gradients, the same count.
  ///   - decays: Per parameter, whether weight decay applies; the same count.
  /// - Throws: `PruningError.shapeMismatch` when the counts differ from each other or from
  ///   earlier steps'; `PruningError.nonFiniteWeight` for a NaN or infinite gradient (its
  ///   index); `PruningError.invalidHyperparameter` for a hyperparameter changed out of range.
  public mutating func step(
    _ parameters: inout [Float], gradients: [Float], decays: [Bool]
  ) throws(PruningError) {
    try validate()
    let count = parameters.count
    guard gradients.count == count else {
      throw .shapeMismatch(expected: [count], actual: [gradients.count])
    }
    guard decays.count == count else {
      throw .shapeMismatch(expected: [count], actual: [decays.count])
    }
    if stepCount == 0 {
      firstMoment = [Float](repeating: 0, count: count)
      secondMoment = [Float](repeating: 0, count: count)
    }
    guard firstMoment.count == count else {
      throw .shapeMismatch(expected: [firstMoment.count], actual: [count])
    }
    for (index, g) in gradients.enumerated() {
      if let kind = NonFiniteKind(g) { throw .nonFiniteWeight(position: [index], kind: kind) }
    }
    stepCount += 1
    let t = Double(stepCount)
    let correction1 = Float(1 - pow(Double(beta1), t))
    let correction2 = Float((1 - pow(Double(beta2), t)).squareRoot())
    let stepSize = learningRate / correction1
    let shrink = 1 - learningRate * weightDecay
    let (b1, b2, eps) = (beta1, beta2, epsilon)
    parameters.withUnsafeMutableBufferPointer { p in
      gradients.withUnsafeBufferPointer { g in
        decays.withUnsafeBufferPointer { decays in
          firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
              for i in 0..<count {
                if decays[i] { p[i] *= shrink }
                m[i] = b1 * m[i] + (1 - b1) * g[i]
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                p[i] -= stepSize * m[i] / (v[i].squareRoot() / correction2 + eps)
              }
            }
          }
        }
      }
    }
  }

  /// Takes one step on a model, decaying the embeddings and weight matrices but not the
  /// biases or layer norms.
  ///
  /// - Parameters:
  ///   - model: The model, updated in place.
  ///   - gradients: Its gradients, a model of the same shapes
  ///     (``TransformerLanguageModel/lossAndGradients(sequences:)``).
  /// - Throws: `PruningError.shapeMismatch` when the shapes differ; the errors of
  ///   ``step(_:gradients:decays:)``.
  public mutating func step(
    _ model: inout TransformerLanguageModel, gradients: TransformerLanguageModel
  ) throws(PruningError) {
    let (values, decays) = model.flattenedParameters()
    let (gradientValues, _) = gradients.flattenedParameters()
    guard gradients.shapes == model.shapes else {
      throw .shapeMismatch(expected: [values.count], actual: [gradientValues.count])
    }
    var updated = values
    try step(&updated, gradients: gradientValues, decays: decays)
    model.loadFlattenedParameters(updated)
  }
}

extension TransformerLanguageModel {
  /// Every parameter in ``forEachParameter(_:)`` order, and whether weight decay applies.
  func flattenedParameters() -> (values: [Float], decays: [Bool]) {
    var values: [Float] = []
    var decays: [Bool] = []
    var copy = self
    copy.forEachParameter { tensor, decay in
      values += tensor.scalars
      decays += repeatElement(decay, count: tensor.count)
    }
    return (values, decays)
  }

  /// Every parameter tensor's shape, in ``forEachParameter(_:)`` order.
  var shapes: [[Int]] {
    var shapes: [[Int]] = []
    var copy = self
    copy.forEachParameter { tensor, _ in shapes.append(tensor.shape) }
    return shapes
  }

  /// Replaces every parameter from a flat vector in ``forEachParameter(_:)`` order (of
  /// exactly ``parameterCount`` values).
  mutating func loadFlattenedParameters(_ values: [Float]) {
    var offset = 0
    forEachParameter { tensor, _ in
      let end = offset + tensor.count
      tensor = Tensor(checkedShape: tensor.shape, scalars: Array(values[offset..<end]))
      offset = end
    }
  }
}
