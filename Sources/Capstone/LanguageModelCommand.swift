import Foundation
import PruningCore

/// `capstone train-language-model`: trains the tiny Shakespeare language model and writes its
/// JSON archive.
enum LanguageModelCommand {
  static let defaultOutput = "Sources/PruningCore/Resources/\(TinyLanguageModel.fileName)"

  /// Runs the command; returns the exit code.
  static func run(_ arguments: [String]) -> Int32 {
    var output = defaultOutput
    var recipe = TinyLanguageModel.training
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch (argument, rest.popFirst()) {
      case ("--output", let path?):
        output = path
      case ("--steps", let text?):
        guard let steps = Int(text), steps >= 1 else {
          printError("train-language-model: --steps needs a positive integer, got \(text)")
          return 64
        }
        recipe.steps = steps
      default:
        printError(
          "train-language-model: unexpected argument \(argument) "
            + "(usage: [--output PATH] [--steps N])")
        return 64
      }
    }
    guard outputFolderExists(output, command: "train-language-model") else { return 1 }
    do {
      let corpus = try ShakespeareCorpus.load()
      let shape = TinyLanguageModel.configuration(vocabularySize: corpus.vocabulary.count)
      print(
        "Training the tiny language model (\(shape.parameterCount) parameters: context "
          + "\(shape.contextLength), width \(shape.width), \(shape.headCount) heads, "
          + "\(shape.blockCount) blocks, MLP \(shape.mlpWidth)) on \(corpus.train.count) "
          + "characters: \(recipe.steps) steps of \(recipe.batchSize) windows, AdamW "
          + "\(recipe.learningRate)")
      let start = Date()
      var recent = 0.0
      let archive = try TinyLanguageModel.train(corpus: corpus, recipe: recipe) { report in
        recent += report.loss
        if report.step % 100 == 0 || report.step == 1 {
          let count = report.step == 1 ? 1.0 : 100.0
          print(
            String(
              format: "  step %5d: mean batch loss %.4f nats, learning rate %.5f, %.0f s",
              report.step, recent / count, report.learningRate,
              Date().timeIntervalSince(start)))
          recent = 0
        }
      }
      let seconds = Date().timeIntervalSince(start)
      let data = try archive.jsonData()
      try data.write(to: URL(fileURLWithPath: output), options: .atomic)
      let p = archive.provenance
      print("training and validation took \(String(format: "%.0f", seconds)) s")
      print(
        "validation: \(p["validationLoss"] ?? "?") nats/char, "
          + "\(p["validationBitsPerCharacter"] ?? "?") bits/char, "
          + "perplexity \(p["validationPerplexity"] ?? "?")")
      print(
        "unigram:    \(p["unigramLoss"] ?? "?") nats/char, "
          + "\(p["unigramBitsPerCharacter"] ?? "?") bits/char, "
          + "perplexity \(p["unigramPerplexity"] ?? "?")")
      print("wrote \(output) (\(data.count) bytes); rebuild so the package copies it")
      return 0
    } catch let error as PruningError {
      printError("train-language-model: \(error)")
      return 1
    } catch {
      printError("train-language-model: cannot write \(output): \(error.localizedDescription)")
      return 1
    }
  }
}
