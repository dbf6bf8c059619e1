import Foundation

/// The gradient of the loss with respect to every parameter of an ``MLP``.
public struct MLPGradients: Hashable, Sendable {
  /// `∂L/∂W` for each layer, shaped like the layer's weight.
  public var weights: [Tensor]

  /// `∂L/∂b` for each layer, shaped like the layer's bias.
  public var biases: [Tensor]

  /// Creates gradients from their parts.
  ///
  /// - Parameters:
  ///   - weights: One weight gradient per layer.
  ///   - biases: One bias gradient per layer.
  public init(weights: [Tensor], biases: [Tensor]) {
    self.weights = weights
    self.biases = biases
  }
}

/// A model's loss and accuracy on a data set.
public struct Evaluation: Hashable, Sendable {
  /// The mean softmax cross-entropy.
  public var loss: Double

  /// The examples whose largest logit is at their label (the lower class wins a tie).
  public var correct: Int

  /// The examples evaluated.
  public var count: Int

  /// Creates an evaluation from its numbers.
  ///
  /// - Parameters:
  ///   - loss: The mean loss.
  ///   - correct: The examples classified correctly.
  ///   - count: The examples evaluated.
  public init(loss: Double, correct: Int, count: Int) {
    self.loss = loss
    self.correct = correct
    self.count = count
  }

  /// `correct ÷ count`, 0 for no example.
  public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }
}

extension MLP {
  /// The mean softmax cross-entropy of a batch and its gradient by backpropagation.
  ///
  /// `L = (1/B) Σ_b −log softmax(z_b)[y_b]` over the logits `z` of the batch. Backpropagation
  /// gives `∂L/∂z = (softmax(z) − onehot(y)) / B`, then for each layer from the output back:
  /// `∂L/∂W = δᵀ·x`, `∂L/∂b = Σ_b δ`, and `δ_prev = (δ·W) ⊙ [x > 0]` through the ReLU.
  ///
  /// - Parameters:
  ///   - features: The inputs, `[batch, inputSize]`, batch at least 1.
  ///   - labels: One class per row, in `0..<outputSize`.
  /// - Returns: The mean loss and the gradient of every weight and bias.
  /// - Throws: `PruningError.rankMismatch` or `PruningError.shapeMismatch` for inputs of the
  ///   wrong shape or a label count that differs from the batch;
  ///   `PruningError.emptyInput("batch")` for an empty batch;
  ///   `PruningError.indexOutOfRange` for a label outside `0..<outputSize`.
  /// - Complexity: O(*batch* · Σ *in* · *out*).
  public func lossAndGradients(
    features: Tensor, labels: [Int]
  ) throws(PruningError) -> (loss: Double, gradients: MLPGradients) {
    let batch = try checkInput(features)
    try checkLabels(labels, batch: batch)
    guard batch > 0 else { throw .emptyInput("batch") }
    let activations = forwardPass(features.scalars, batch: batch)
    let (loss, outputGradient) = Self.softmaxCrossEntropy(
      logits: activations[activations.count - 1], labels: labels, classes: outputSize)
    var delta = outputGradient
    var weightGradients = [Tensor](repeating: Tensor([]), count: layers.count)
    var biasGradients = [Tensor](repeating: Tensor([]), count: layers.count)
    for index in layers.indices.reversed() {
      let layer = layers[index]
      let input = activations[index]
      let (dw, db, dx) = Kernels.affineBackward(
        delta, x: input, batch: batch, weight: layer.weight.scalars, inputs: layer.inputSize,
        outputs: layer.outputSize, needInputGradient: index > 0)
      weightGradients[index] = try Tensor(shape: layer.weight.shape, scalars: dw)
      biasGradients[index] = try Tensor(shape: layer.bias.shape, scalars: db)
      if index > 0 {
        // The input of this layer is the ReLU output of the previous one: pass the gradient
        // only where that unit was active.
        delta = dx
        for i in delta.indices where input[i] <= 0 {
          delta[i] = 0
        }
      }
    }
    return (loss, MLPGradients(weights: weightGradients, biases: biasGradients))
  }

  /// The loss and accuracy on a data set, in batches of 256.
  ///
  /// An example counts as correct when its largest logit is at its label; among equal logits
  /// the lower class index is the prediction.
  ///
  /// - Parameter data: The examples; `data.featureCount` must be `inputSize` and every label
  ///   below `outputSize`.
  /// - Returns: The mean loss, the number correct and the number evaluated.
  /// - Throws: `PruningError.shapeMismatch` for features of the wrong width;
  ///   `PruningError.indexOutOfRange` for a label outside `0..<outputSize`.
  public func evaluate(on data: LabeledExamples) throws(PruningError) -> Evaluation {
    _ = try checkInput(data.features)
    try checkLabels(data.labels, batch: data.count)
    let width = inputSize
    let classes = outputSize
    var totalLoss = 0.0
    var correct = 0
    var start = 0
    while start < data.count {
      let end = min(start + 256, data.count)
      let input = Array(data.features.scalars[(start * width)..<(end * width)])
      let activations = forwardPass(input, batch: end - start)
      let logits = activations[activations.count - 1]
      let labels = Array(data.labels[start..<end])
      totalLoss +=
        Self.softmaxCrossEntropy(logits: logits, labels: labels, classes: classes).loss
        * Double(end - start)
      for row in 0..<(end - start) {
        var best = 0
        for column in 1..<max(classes, 1)
        where logits[row * classes + column] > logits[row * classes + best] {
          best = column
        }
        if best == labels[row] { correct += 1 }
      }
      start = end
    }
    return Evaluation(
      loss: data.count == 0 ? 0 : totalLoss / Double(data.count), correct: correct,
      count: data.count)
  }

  func checkLabels(_ labels: [Int], batch: Int) throws(PruningError) {
    guard labels.count == batch else {
      throw .shapeMismatch(expected: [batch], actual: [labels.count])
    }
    if let bad = labels.first(where: { !(0..<outputSize).contains($0) }) {
      throw .indexOutOfRange(index: bad, count: outputSize)
    }
  }

  /// The mean cross-entropy of softmax(logits) and `∂L/∂logits` (already divided by the batch).
  static func softmaxCrossEntropy(
    logits: [Float], labels: [Int], classes: Int
  ) -> (loss: Double, gradient: [Float]) {
    let batch = labels.count
    var gradient = [Float](repeating: 0, count: logits.count)
    var total = 0.0
    let scale = 1 / Float(batch)
    for row in 0..<batch {
      let base = row * classes
      var largest = -Float.infinity
      for c in 0..<classes {
        largest = max(largest, logits[base + c])
      }
      var sum: Float = 0
      for c in 0..<classes {
        let e = Float(exp(Double(logits[base + c] - largest)))
        gradient[base + c] = e
        sum += e
      }
      let label = labels[row]
      total += Double(largest) + log(Double(sum)) - Double(logits[base + label])
      for c in 0..<classes {
        gradient[base + c] = (gradient[base + c] / sum - (c == label ? 1 : 0)) * scale
      }
    }
    return (batch == 0 ? 0 : total / Double(batch), gradient)
  }
}
