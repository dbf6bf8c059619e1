import Foundation
import PruningCore

#if KIT_HAS_PruningAtInit
  import PruningAtInit
#endif

/// `capstone at-init`: exercise 10's experiment, pruning at initialisation against its controls.
enum AtInitStory {
  /// Runs the experiment; returns the exit code.
  static func run(_ arguments: [String]) -> Int32 {
    #if KIT_HAS_PruningAtInit
      var seedCount = AtInitExperiment.seeds.count
      var rest = arguments[...]
      while let argument = rest.popFirst() {
        guard argument == "--seeds", let text = rest.popFirst(), let count = Int(text),
          (1...AtInitExperiment.seeds.count).contains(count)
        else {
          printError(
            "at-init: unexpected argument \(argument) (usage: --seeds N, N in "
              + "1...\(AtInitExperiment.seeds.count))")
          return 64
        }
        seedCount = count
      }
      do {
        return try tell(seeds: Array(AtInitExperiment.seeds.prefix(seedCount)))
      } catch .notImplemented(let function) {
        print(
          "\nThe experiment needs exercise 10: \(function) is not implemented yet.\n"
            + "Fill in Exercises/10-PruningAtInit (`swift test --filter PruningAtInitTests`),\n"
            + "then run `swift run -c release capstone at-init` again.")
        return 1
      } catch {
        printError("at-init: \(error)")
        return 1
      }
    #else
      print(
        "capstone at-init needs exercise 10 PruningAtInit, which this build leaves out "
          + "(see KIT_ONLY).")
      return 1
    #endif
  }

  #if KIT_HAS_PruningAtInit
    private typealias Method = AtInitExperiment.Method

    private static func tell(seeds: [UInt64]) throws(PruningError) -> Int32 {
      let (train, test) = try Digits.loadSplit()
      let c = AtInitExperiment.configuration
      print("PruningKit exercise 10: pruning at initialisation on the digits\n")
      print(
        "Network   \(DigitsBaseline.sizes.map(String.init).joined(separator: " → ")) MLP, "
          + "a fresh initialisation per seed (seeds \(seeds.map(String.init).joined(separator: ", ")))"
      )
      print(
        "Masks     chosen before any training: SNIP from one batch of "
          + "\(AtInitExperiment.snipBatchSize) training examples,\n          SynFlow from no data "
          + "(\(AtInitExperiment.synflowRounds) rounds), magnitude at init, and the controls")
      print(
        "Training  each masked copy of the same initial network, the same data order, masks "
          + "fixed:\n          \(c.epochs) epochs of \(c.batchSize) on \(train.count) examples, SGD "
          + "\(c.learningRate), momentum \(c.momentum); test accuracy on \(test.count) examples\n")
      var runs: [AtInitExperiment.Run] = []
      let clock = ContinuousClock()
      let start = clock.now
      for seed in seeds {
        let seedRuns = try AtInitExperiment.run(seed: seed, train: train, test: test)
        runs += seedRuns
        let elapsed = clock.now - start
        FileHandle.standardError.write(
          Data("  seed \(seed) done (\(seedRuns.count) networks, \(elapsed) so far)\n".utf8))
      }
      table(runs, seeds: seeds.count)
      print(
        "\n(\(runs.count) networks trained in "
          + "\(String(format: "%.1f", seconds(clock.now - start))) s.)")
      return 0
    }

    private static func table(_ runs: [AtInitExperiment.Run], seeds: Int) {
      let spread = seeds > 1 ? "mean (min–max) over \(seeds) seeds" : "one seed"
      print("Test accuracy, \(spread); layer kept % = weights kept in layer 1 / layer 2")
      let sparsities = [0.0] + AtInitExperiment.sparsities
      let header =
        pad("method", 31) + "  "
        + AtInitExperiment.sparsities.map { pad("\(percent($0, digits: 0)) sparse", 36) }
        .joined(separator: "  ")
      print(header)
      for method in Method.allCases {
        var cells: [String] = []
        for sparsity in sparsities.dropFirst() where method != .dense {
          cells.append(
            pad(cell(runs.filter { $0.method == method && $0.sparsity == sparsity }), 36))
        }
        if method == .dense {
          cells.append(cell(runs.filter { $0.method == .dense }))
        }
        print(pad(method.rawValue, 31) + "  " + cells.joined(separator: "  "))
      }
      _ = sparsities
    }

    private static func cell(_ runs: [AtInitExperiment.Run]) -> String {
      guard let first = runs.first else { return "–" }
      let accuracies = runs.map(\.accuracy)
      let mean = accuracies.reduce(0, +) / Double(accuracies.count)
      var text = percent(mean)
      if accuracies.count > 1, let low = accuracies.min(), let high = accuracies.max() {
        text += " (\(String(format: "%.1f", 100 * low))–\(String(format: "%.1f", 100 * high)))"
      }
      let kept = first.layerSparsities.map { String(format: "%.1f", 100 * (1 - $0)) }
      let sameLayers = runs.allSatisfy { $0.layerSparsities == first.layerSparsities }
      text += "  " + kept.joined(separator: "/") + (sameLayers ? "" : "*")
      let collapsed = runs.filter(\.collapsed).count
      if collapsed > 0 { text += " ✗\(collapsed)" }
      return text
    }

    private static func percent(_ fraction: Double, digits: Int = 1) -> String {
      String(format: "%.\(digits)f %%", 100 * fraction)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
      text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func seconds(_ duration: Duration) -> Double {
      let (whole, fraction) = duration.components
      return Double(whole) + Double(fraction) * 1e-18
    }
  #endif
}
