// The capstone stories, each over a model the kit ships: `swift run capstone` prunes the digits
// classifier to 90 % sparsity while fine-tuning (exercise 07); `one-shot`, `structure` and
// `at-init` tell the stories of exercises 08, 09 and 10; `train-baseline` and
// `train-language-model` regenerate the shipped models bit for bit. The logic lives in
// PruningCore (data, models, training) and the exercise modules; this file only dispatches.
import Foundation
import PruningCore

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
  usage: capstone                  prune the digits baseline to 90 % sparsity and report
         capstone at-init [--seeds N]
                                   exercise 10: prune at initialisation, train, compare
         capstone train-baseline [--output PATH]
                                   retrain the dense baseline (default PATH:
                                   \(BaselineCommand.defaultOutput))
         capstone one-shot        prune the tiny Shakespeare model without retraining
                                   (magnitude, Wanda, SparseGPT; exercise 08)
         capstone train-language-model [--output PATH] [--steps N]
                                   retrain the tiny Shakespeare language model (default
                                   PATH: \(LanguageModelCommand.defaultOutput))
         capstone structure        the tiny language model dense, 50 % masked and with half
                                   its heads and neurons removed: size, speed, perplexity
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
case "at-init":
  exit(AtInitStory.run(Array(arguments.dropFirst())))
case "structure":
  exit(StructureStory.run())
case "help", "-h", "--help":
  print(usage)
  exit(0)
default:
  FileHandle.standardError.write(Data("capstone: unknown command \(arguments[0])\n\(usage)\n".utf8))
  exit(64)
}
