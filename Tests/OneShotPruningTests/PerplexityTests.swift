import Foundation
import OneShotPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Perplexity (perplexity)")
struct PerplexityTests {
  @Test("A model with cross-entropy ln 4 has perplexity 4; one with 0 has perplexity 1")
  func workedExample() throws {
    expectClose(try perplexity(of: FixedScoreModel(crossEntropy: log(4)), sequences: [[0, 1]]), 4)
    expectClose(try perplexity(of: FixedScoreModel(crossEntropy: 0), sequences: [[0, 1]]), 1)
  }

  @Test("A tiny model: perplexity = exp(mean cross-entropy)", arguments: [UInt64(3), 7, 11])
  func tinyModel(seed: UInt64) throws {
    let model = TinyModel(vocabulary: 8, hidden: [8, 8], seed: seed)
    let text = TinyModel.sequences(count: 4, length: 9, vocabulary: 8, seed: seed &+ 1)
    let crossEntropy = try model.meanCrossEntropy(sequences: text)
    expectClose(try perplexity(of: model, sequences: text), exp(crossEntropy), tolerance: 1e-12)
  }

  @Test("Bad input: no sequences, a non-finite or negative cross-entropy")
  func badInput() {
    #expect(throws: PruningError.emptyInput("sequences")) {
      try perplexity(of: FixedScoreModel(crossEntropy: 1), sequences: [])
    }
    #expect(
      throws: PruningError.invalidArgument(
        "a mean cross-entropy must be finite and not negative, got nan")
    ) {
      try perplexity(of: FixedScoreModel(crossEntropy: .nan), sequences: [[1, 2]])
    }
    #expect(
      throws: PruningError.invalidArgument(
        "a mean cross-entropy must be finite and not negative, got -0.5")
    ) {
      try perplexity(of: FixedScoreModel(crossEntropy: -0.5), sequences: [[1, 2]])
    }
  }
}
