import Foundation
import PruningCore

/// `capstone train-baseline`: trains the dense digits baseline and writes its JSON archive.
enum BaselineCommand {
  static let defaultOutput = "Sources/PruningCore/Resources/\(ModelArchive.digitsBaselineFileName)"

  /// Runs the command; returns the exit code.
  static func run(_ arguments: [String]) -> Int32 {
    var output = defaultOutput
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      guard argument == "--output", let path = rest.popFirst() else {
        printError("train-baseline: unexpected argument \(argument) (usage: --output PATH)")
        return 64
      }
      output = path
    }
    guard outputFolderExists(output, command: "train-baseline") else { return 1 }
    do {
      let (train, test) = try Digits.loadSplit()
      let c = DigitsBaseline.configuration
      print(
        "Training the \(DigitsBaseline.sizes.map(String.init).joined(separator: "-")) baseline: "
          + "\(c.epochs) epochs, batch \(c.batchSize), SGD \(c.learningRate), "
          + "momentum \(c.momentum), on \(train.count) examples")
      let archive = try DigitsBaseline.train(train: train, test: test) { report in
        if report.epoch % 5 == 0 || report.epoch == 1 {
          print("  epoch \(report.epoch): mean loss \(String(format: "%.4f", report.meanLoss))")
        }
      }
      let data = try archive.jsonData()
      try data.write(to: URL(fileURLWithPath: output), options: .atomic)
      print("train accuracy \(archive.provenance["trainAccuracy"] ?? "?")")
      print("test accuracy  \(archive.provenance["testAccuracy"] ?? "?")")
      print("wrote \(output) (\(data.count) bytes); rebuild so the package copies it")
      return 0
    } catch let error as PruningError {
      printError("train-baseline: \(error)")
      return 1
    } catch {
      printError("train-baseline: cannot write \(output): \(error.localizedDescription)")
      return 1
    }
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Whether the folder an output file goes in exists; when it does not, says so on standard
/// error, since a training run should not find out only at its end.
///
/// - Parameters:
///   - output: The output file's path, absolute or relative to the working folder.
///   - command: The subcommand the message names, e.g. `train-baseline`.
/// - Returns: Whether the folder exists (the working folder for a bare file name).
/// - Complexity: One `stat` call.
func outputFolderExists(_ output: String, command: String) -> Bool {
  let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
  guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder) else {
    printError(
      "\(command): folder \(folder) does not exist; run from the package root or pass "
        + "--output PATH")
    return false
  }
  return true
}
