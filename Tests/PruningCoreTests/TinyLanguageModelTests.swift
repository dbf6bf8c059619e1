import Foundation
import PruningCore
import PruningTestSupport
import Testing

/// The shipped archive and the corpus, loaded once for the suite.
private let shipped = Result { () throws(PruningError) in
  (archive: try TinyLanguageModel.shipped(), corpus: try ShakespeareCorpus.load())
}

@Suite("The shipped tiny language model")
struct TinyLanguageModelTests {
  /// The learning rate warms up over 100 steps, so the first steps of a shortened run are the
  /// first steps of the full one.
  @Test("Training from the recorded seeds reproduces the recorded first losses bit for bit")
  func reproducesFirstLosses() throws {
    let (archive, corpus) = try shipped.get()
    let recorded = (archive.provenance["firstLosses"] ?? "")
      .split(separator: ", ").compactMap { Double($0) }
    #expect(recorded.count == TinyLanguageModel.recordedLossCount)
    var generator = SplitMix64(seed: TinyLanguageModel.initialisationSeed)
    var model = try TransformerLanguageModel(
      configuration: TinyLanguageModel.configuration(vocabularySize: corpus.vocabulary.count),
      using: &generator)
    var recipe = TinyLanguageModel.training
    recipe.steps = 2
    #expect(recipe.steps < recipe.warmupSteps)
    let losses = try model.train(on: corpus.train, configuration: recipe)
    let expected = Array(recorded.prefix(2))
    #expect(losses == expected, "replayed losses differ from the file's firstLosses")
  }

  @Test("The shipped model has the recipe's shape and the corpus's vocabulary")
  func shape() throws {
    let (archive, corpus) = try shipped.get()
    #expect(archive.vocabulary == corpus.vocabulary)
    let expected = TinyLanguageModel.configuration(vocabularySize: corpus.vocabulary.count)
    #expect(archive.model.configuration == expected)
    #expect(archive.model.parameterCount == expected.parameterCount)
    #expect(archive.provenance["command"] == TinyLanguageModel.command)
  }

  @Test("The shipped model predicts validation text far better than the unigram baseline")
  func beatsUnigram() throws {
    let (archive, corpus) = try shipped.get()
    let windows = ShakespeareCorpus.windows(
      of: corpus.validation, length: archive.model.contextLength, limit: 24)
    let loss = try archive.model.meanCrossEntropy(sequences: windows)
    let unigram = corpus.unigramCrossEntropy(of: windows.flatMap { $0.dropFirst() })
    #expect(
      loss < 0.7 * unigram,
      "validation loss \(loss) nats/char is not far below the unigram \(unigram)")
    let recorded = Double(archive.provenance["validationLoss"] ?? "") ?? .infinity
    let recordedUnigram = Double(archive.provenance["unigramLoss"] ?? "") ?? 0
    #expect(recorded < 0.7 * recordedUnigram)
    expectClose(recordedUnigram, corpus.unigramCrossEntropy(), tolerance: 1e-4)
  }
}
