/// Stochastic gradient descent with optional momentum and weight decay, as PyTorch's `optim.SGD`.
///
/// For each parameter `p` with gradient `g`: `g ← g + λ·p` (weights only, when
/// `weightDecay` λ > 0), `v ← μ·v + g` (with momentum μ > 0; `v` starts at zero), then
/// `p ← p − η·v` (η the learning rate; `v = g` without momentum). The optimiser owns the
/// velocities, so keep one `SGD` value for a whole training run.
///
/// ```swift
/// var optimizer = try SGD(learningRate: 0.1, momentum: 0.9)
/// let (loss, gradients) = try model.lossAndGradients(features: x, labels: y)
/// try optimizer.step(&model, gradients: gradients)
/// ```
public struct SGD: Hashable, Sendable {
  /// The step size η, finite and positive.
  public let learningRate: Float

  /// The momentum μ, in `0..<1` (0 = plain SGD).
  public let momentum: Float

  /// The L2 penalty λ on the weights (not the biases), finite and not negative.
  public let weightDecay: Float

  /// The velocities: per layer, the weight's then the bias's; empty before the first step.
  private var velocities: [[Float]] = []

  /// Creates an optimiser.
  ///
  /// - Parameters:
  ///   - learningRate: The step size, finite and positive.
  ///   - momentum: The momentum, in `0..<1`.
  ///   - weightDecay: The L2 penalty on weights, finite and not negative.
  /// - Throws: `PruningError.invalidHyperparameter` naming the first value out of range
  ///   (`"learningRate"`, `"momentum"` or `"weightDecay"`).
  public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0)
    throws(PruningError)
  {
    guard learningRate.isFinite, learningRate > 0 else {
      throw .invalidHyperparameter(name: "learningRate", value: Double(learningRate))
    }
    guard momentum >= 0, momentum < 1 else {
      throw .invalidHyperparameter(name: "momentum", value: Double(momentum))
    }
    guard weightDecay.isFinite, weightDecay >= 0 else {
      throw .invalidHyperparameter(name: "weightDecay", value: Double(weightDecay))
    }
    self.learningRate = learningRate
    self.momentum = momentum
    self.weightDecay = weightDecay
  }

  /// Takes one step downhill.
  ///
  /// - Parameters:
  ///   - model: The model to update in place.
  ///   - gradients: The gradient of the loss at `model`'s current parameters.
  /// - Throws: `PruningError.shapeMismatch` when the gradients do not fit the model, or the
  ///   model changed shape since the first step.
  public mutating func step(_ model: inout MLP, gradients: MLPGradients) throws(PruningError) {
    let layerCount = model.layers.count
    guard gradients.weights.count == layerCount, gradients.biases.count == layerCount else {
      throw .shapeMismatch(
        expected: [layerCount, layerCount],
        actual: [gradients.weights.count, gradients.biases.count])
    }
    var weights = model.weights
    var biases = model.biases
    if velocities.isEmpty, momentum > 0 {
      for index in 0..<layerCount {
        velocities.append([Float](repeating: 0, count: weights[index].count))
        velocities.append([Float](repeating: 0, count: biases[index].count))
      }
    }
    for index in 0..<layerCount {
      for (isWeight, gradient) in [
        (true, gradients.weights[index]), (false, gradients.biases[index]),
      ] {
        let current = isWeight ? weights[index] : biases[index]
        guard gradient.shape == current.shape else {
          throw .shapeMismatch(expected: current.shape, actual: gradient.shape)
        }
        var values = current.scalars
        let slot = 2 * index + (isWeight ? 0 : 1)
        if momentum > 0, velocities[slot].count != values.count {
          throw .shapeMismatch(expected: [velocities[slot].count], actual: [values.count])
        }
        update(&values, gradient: gradient.scalars, slot: slot, decay: isWeight ? weightDecay : 0)
        if isWeight {
          try weights[index].setScalars(values)
        } else {
          try biases[index].setScalars(values)
        }
      }
    }
    try model.setWeights(weights)
    try model.setBiases(biases)
  }

  private mutating func update(_ values: inout [Float], gradient: [Float], slot: Int, decay: Float)
  {
    let (rate, mu) = (learningRate, momentum)
    if mu > 0 {
      values.withUnsafeMutableBufferPointer { p in
        gradient.withUnsafeBufferPointer { g in
          velocities[slot].withUnsafeMutableBufferPointer { v in
            for i in 0..<p.count {
              v[i] = mu * v[i] + (g[i] + decay * p[i])
              p[i] -= rate * v[i]
            }
          }
        }
      }
    } else {
      values.withUnsafeMutableBufferPointer { p in
        gradient.withUnsafeBufferPointer { g in
          for i in 0..<p.count {
            p[i] -= rate * (g[i] + decay * p[i])
          }
        }
      }
    }
  }
}
