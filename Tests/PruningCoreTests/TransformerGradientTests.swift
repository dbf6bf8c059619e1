import Foundation
import PruningCore
import PruningTestSupport
import Testing

/// Every parameter tensor of a model, by name, as a writable key path.
func parameterPaths(
  blockCount: Int
) -> [(name: String, path: WritableKeyPath<TransformerLanguageModel, Tensor>)] {
  var paths: [(String, WritableKeyPath<TransformerLanguageModel, Tensor>)] = [
    ("tokenEmbedding", \.tokenEmbedding), ("positionEmbedding", \.positionEmbedding),
  ]
  for b in 0..<blockCount {
    let block: WritableKeyPath<TransformerLanguageModel, TransformerBlock> = \.blocks[b]
    paths += [
      ("blocks.\(b).attentionNorm.gamma", block.appending(path: \.attentionNorm.gamma)),
      ("blocks.\(b).attentionNorm.beta", block.appending(path: \.attentionNorm.beta)),
      ("blocks.\(b).query.weight", block.appending(path: \.query.weight)),
      ("blocks.\(b).query.bias", block.appending(path: \.query.bias)),
      ("blocks.\(b).key.weight", block.appending(path: \.key.weight)),
      ("blocks.\(b).key.bias", block.appending(path: \.key.bias)),
      ("blocks.\(b).value.weight", block.appending(path: \.value.weight)),
      ("blocks.\(b).value.bias", block.appending(path: \.value.bias)),
      ("blocks.\(b).output.weight", block.appending(path: \.output.weight)),
      ("blocks.\(b).output.bias", block.appending(path: \.output.bias)),
      ("blocks.\(b).mlpNorm.gamma", block.appending(path: \.mlpNorm.gamma)),
      ("blocks.\(b).mlpNorm.beta", block.appending(path: \.mlpNorm.beta)),
      ("blocks.\(b).mlpUp.weight", block.appending(path: \.mlpUp.weight)),
      ("blocks.\(b).mlpUp.bias", block.appending(path: \.mlpUp.bias)),
      ("blocks.\(b).mlpDown.weight", block.appending(path: \.mlpDown.weight)),
      ("blocks.\(b).mlpDown.bias", block.appending(path: \.mlpDown.bias)),
    ]
  }
  paths += [
    ("finalNorm.gamma", \.finalNorm.gamma), ("finalNorm.beta", \.finalNorm.beta),
    ("head.weight", \.head.weight), ("head.bias", \.head.bias),
  ]
  return paths
}

@Suite("The tiny transformer's backward pass")
struct TransformerGradientTests {
  /// Central differences of the `Double` reference loss: precise enough that a wrong factor,
  /// sign, transpose or missing term anywhere shows as a large relative error.
  @Test(
    "Every parameter's gradient matches central finite differences",
    arguments: [
      UInt64(1), 2,
    ])
  func finiteDifferences(seed: UInt64) throws {
    let model = try randomTinyModel(seed: seed)
    var generator = SplitMix64(seed: seed &+ 50)
    let sequences = [6, 6, 3].map {
      randomTokens(count: $0, vocabulary: 7, generator: &generator)
    }
    let (loss, gradients) = try model.lossAndGradients(sequences: sequences)
    let reference = TransformerReference(model).meanCrossEntropy(sequences)
    expectClose(loss, reference, tolerance: 1e-5, "loss")
    let paths = parameterPaths(blockCount: model.blocks.count)
    #expect(paths.reduce(0) { $0 + model[keyPath: $1.path].count } == model.parameterCount)
    for (name, path) in paths {
      let analytic = gradients[keyPath: path]
      #expect(analytic.shape == model[keyPath: path].shape, "\(name) gradient shape")
      var numeric = [Double](repeating: 0, count: analytic.count)
      for i in 0..<analytic.count {
        var plus = model
        var minus = model
        let w = model[keyPath: path][flat: i]
        plus[keyPath: path][flat: i] = w + 1e-3
        minus[keyPath: path][flat: i] = w - 1e-3
        let step =
          Double(plus[keyPath: path][flat: i]) - Double(minus[keyPath: path][flat: i])
        numeric[i] =
          (TransformerReference(plus).meanCrossEntropy(sequences)
            - TransformerReference(minus).meanCrossEntropy(sequences)) / step
      }
      let scale = max(numeric.map(abs).max() ?? 0, 1e-6)
      let errors = numeric.indices.map { abs(numeric[$0] - Double(analytic[flat: $0])) }
      let worst = errors.indices.max { errors[$0] < errors[$1] } ?? 0
      #expect(
        errors[worst] <= 1e-3 * scale + 1e-6,
        """
        \(name)[\(worst)]: finite difference \(numeric[worst]), backward \
        \(analytic[flat: worst]) (largest |gradient| in the tensor \(scale))
        """)
      if name.hasSuffix("key.bias") {
        // A key bias adds q·b to every score of a row, which softmax ignores: zero, exactly.
        let largest = analytic.scalars.map(abs).max() ?? 0
        #expect(largest <= 1e-6, "\(name): gradient \(analytic.scalars), expected zeros")
      } else {
        #expect(scale > 1e-5, "\(name): every gradient is zero, so the check checks nothing")
      }
    }
  }
}
