// The capstone: prune the shipped digits classifier to 90 % sparsity while fine-tuning, and
// print the story. `swift run capstone` runs it; `swift run -c release capstone
// train-baseline` retrains the dense baseline the kit ships. The logic lives in PruningCore
// (data, model, training) and the exercise modules (the schedule and the pruner); this file
// only tells the story.
import Foundation
import PruningCore

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
  usage: capstone                  prune the digits baseline to 90 % sparsity and report
         capstone train-baseline [--output PATH]
                                   retrain the dense baseline (default PATH:
                                   \(BaselineCommand.defaultOutput))
         capstone one-shot        prune the tiny Shakespeare model without retraining
                                   (magnitude, Wanda, SparseGPT; exercise 08)
         capstone train-language-model [--output PATH] [--steps N]
                                   retrain the tiny Shakespeare language model (default
                                   PATH: \(LanguageModelCommand.defaultOutput))
  """

switch arguments.first {
case nil, "run":
  exit(Story.run())
case "one-shot":
  exit(OneShotStory.run())
case "train-baseline":
  exit(BaselineCommand.run(Array(arguments.dropFirst())))
case "train-language-model":
  exit(LanguageModelCommand.run(Array(arguments.dropFirst())))
case "help", "-h", "--help":
  print(usage)
  exit(0)
default:
  FileHandle.standardError.write(Data("capstone: unknown command \(arguments[0])\n\(usage)\n".utf8))
  exit(64)
}
