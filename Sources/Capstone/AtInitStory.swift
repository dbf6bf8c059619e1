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
      let dense = runs.filter { $0.method == .dense }
      print("Dense: test accuracy \(accuracy(dense)), \(spread)")
      for sparsity in AtInitExperiment.sparsities {
        print("\nAt \(percent(sparsity, digits: 0)) sparsity (test accuracy: \(spread))")
        print(
          pad("method", 31) + pad("test accuracy", 22) + pad("kept % L1 / L2", 16)
            + pad("hidden on a path", 18) + "collapsed")
        for method in Method.allCases where method != .dense {
          let cell = runs.filter { $0.method == method && $0.sparsity == sparsity }
          guard !cell.isEmpty else { continue }
          let kept = (0..<(cell[0].layerSparsities.count)).map { layer in
            String(format: "%.1f", 100 * (1 - mean(cell.map { $0.layerSparsities[layer] })))
          }
          let units = String(format: "%.0f", mean(cell.map { Double($0.hiddenUnitsOnPaths) }))
          let collapsed = cell.filter(\.collapsed).count
          print(
            pad(method.rawValue, 31) + pad(accuracy(cell), 22)
              + pad(kept.joined(separator: " / "), 16)
              + pad("\(units) of \(DigitsBaseline.sizes[1])", 18)
              + (collapsed == 0 ? "–" : "\(collapsed) of \(cell.count)"))
        }
      }
      print(
        "\nkept % = weights kept in layer 1 (64 → 128) / layer 2 (128 → 10); hidden on a path ="
          + " hidden units\nwith a kept path from an input to an output (means over the seeds)")
    }

    private static func accuracy(_ runs: [AtInitExperiment.Run]) -> String {
      let values = runs.map(\.accuracy)
      guard let low = values.min(), let high = values.max() else { return "–" }
      var text = String(format: "%.1f", 100 * mean(values))
      if values.count > 1 {
        text += String(format: " (%.1f–%.1f)", 100 * low, 100 * high)
      }
      return text
    }

    private static func mean(_ values: [Double]) -> Double {
      values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
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
