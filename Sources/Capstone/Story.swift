import Foundation
import PruningCore

// The manifest defines KIT_HAS_<Module> for each exercise module it links into this target.
// (`canImport` is not enough: a build folder keeps the modules of earlier builds, so it would
// say yes for a module this build does not link.)
#if KIT_HAS_DynamicPruning
  import DynamicPruning
#endif
#if KIT_HAS_PruningMetrics
  import PruningMetrics
#endif

/// `capstone`: the baseline, the schedule, the fine-tuning, the result, the report, the masks.
enum Story {
  /// Runs the story; returns the exit code.
  static func run() -> Int32 {
    do {
      return try tell()
    } catch {
      printError("capstone: \(error)")
      return 1
    }
  }

  private static func tell() throws(PruningError) -> Int32 {
    print("PruningKit capstone: prune a digits classifier to 90 % sparsity while fine-tuning\n")
    let (train, test) = try Digits.loadSplit()
    print(
      "Data      \(Digits.fileName): 8×8 handwritten digits, \(train.count) training and "
        + "\(test.count) test\n          examples (the kit's seeded 80/20 split)")
    let archive = try DigitsBaseline.load()
    let baseline = archive.model
    let dense = try baseline.evaluate(on: test)
    let weightCount = baseline.weights.reduce(0) { $0 + $1.count }
    print(
      "Baseline  \(baseline.sizes.map(String.init).joined(separator: "-")) MLP from "
        + "\(ModelArchive.digitsBaselineFileName)\n          (made by "
        + "`\(DigitsBaseline.command)`)")
    print(
      "          test accuracy \(percent(dense.accuracy)) (\(dense.correct)/\(dense.count)), "
        + "\(weightCount) weights, \(zeroCount(baseline.weights)) of them zero\n")
    #if KIT_HAS_DynamicPruning
      return try prune(baseline: baseline, dense: dense, train: train, test: test)
    #else
      print(
        "The capstone needs exercise 07 DynamicPruning, which this build leaves out "
          + "(see KIT_ONLY).")
      return 1
    #endif
  }

  #if KIT_HAS_DynamicPruning
    private static func prune(
      baseline: MLP, dense: Evaluation, train: LabeledExamples, test: LabeledExamples
    ) throws(PruningError) -> Int32 {
      let c = DigitsCapstone.configuration
      let stepsPerEpoch = c.stepsPerEpoch(exampleCount: train.count)
      do {
        let schedule = try DigitsCapstone.schedule()
        print(
          "Schedule  PolynomialDecay (Zhu & Gupta, cubic): 0 → "
            + "\(percent(schedule.finalSparsity, digits: 0)) of each weight matrix over\n"
            + "          steps \(schedule.beginStep)…\(schedule.endStep), masks updated every "
            + "\(schedule.frequency) steps")
        var steps: [String] = []
        var targets: [String] = []
        for step in stride(from: 0, through: schedule.endStep, by: 20) {
          steps.append(String(format: "%6d", step))
          targets.append(String(format: "%5.1f%%", 100 * (try schedule.sparsity(atStep: step))))
        }
        print("          step   " + steps.joined(separator: " "))
        print("          target " + targets.joined(separator: " "))
        print(
          "Training  \(c.epochs) epochs × \(stepsPerEpoch) steps of \(c.batchSize), SGD "
            + "\(c.learningRate), momentum \(c.momentum);\n          the pruner runs after "
            + "every step and keeps pruned weights at zero")
        let result = try DigitsCapstone.run(baseline: baseline, train: train) { p in
          print(
            "          epoch \(p.epoch)  step \(String(format: "%3d", p.steps))  loss "
              + "\(String(format: "%.4f", p.meanLoss))  target \(percent(p.targetSparsity))  "
              + "masks \(percent(p.weightSparsity))  (\(p.maskUpdates) updates)")
        }
        let pruned = try result.model.evaluate(on: test)
        let kept = result.masks.reduce(0) { $0 + $1.keptCount }
        let total = result.masks.reduce(0) { $0 + $1.count }
        let sparsity = total == 0 ? 0 : 1 - Double(kept) / Double(total)
        let change = 100 * (pruned.accuracy - dense.accuracy)
        print(
          "\nResult    weight sparsity \(percent(sparsity)) (\(kept) of \(total) weights left, "
            + "\(zeroCount(result.model.weights)) zero)\n          test accuracy "
            + "\(percent(pruned.accuracy)) (\(pruned.correct)/\(pruned.count)), "
            + String(format: "%+.2f", change) + " points against the baseline (allowed: −"
            + String(format: "%.0f", DigitsCapstone.allowedDrop) + ")")
        report(baseline: baseline, pruned: result.model, dense: dense, prunedResult: pruned)
        pictures(result.masks)
        let passed =
          sparsity >= DigitsCapstone.finalSparsity && -change <= DigitsCapstone.allowedDrop
        print(passed ? "\nCapstone passed." : "\nCapstone not passed yet.")
        return passed ? 0 : 1
      } catch .notImplemented(let function) {
        print(
          "The pruning step needs exercise 07: \(function) is not implemented yet.\n"
            + "Fill in Exercises/07-DynamicPruning (`swift test --filter DynamicPruningTests`),\n"
            + "then run `swift run capstone` again.")
        return 1
      }
    }

    private static func pictures(_ masks: [Mask]) {
      guard masks.count == 2, masks[0].shape == [128, 64], masks[1].shape == [10, 128] else {
        for (index, mask) in masks.enumerated() {
          print("\nLayer \(index + 1) mask \(mask.shape):\n" + mask.picture())
        }
        return
      }
      print("\nMasks (█ kept, · pruned)")
      // Hidden layer: the pixels any unit still reads, and the six busiest units' inputs as
      // 8×8 images (a unit with no input left is dead weight).
      var anyUnit = [Bool](repeating: false, count: 64)
      var inputs: [(unit: Int, count: Int)] = []
      for unit in 0..<128 {
        var count = 0
        for pixel in 0..<64 where masks[0][unit, pixel] {
          anyUnit[pixel] = true
          count += 1
        }
        inputs.append((unit, count))
      }
      let busiest = inputs.sorted { $0.count != $1.count ? $0.count > $1.count : $0.unit < $1.unit }
        .prefix(6)
      let dead = inputs.filter { $0.count == 0 }.count
      var fields = [((try? Mask(shape: [8, 8], isKept: anyUnit)) ?? Mask(anyUnit)).picture()]
      for entry in busiest {
        let row = (0..<64).map { masks[0][entry.unit, $0] }
        fields.append(((try? Mask(shape: [8, 8], isKept: row)) ?? Mask(row)).picture())
      }
      print(
        "Hidden layer (128 × 64): the pixels any unit still reads, then the inputs of the\n"
          + "  busiest units (" + busiest.map { "\($0.unit)" }.joined(separator: ", ")
          + "); \(dead) of the 128 units have no input left")
      let columns = fields.map { $0.split(separator: "\n").map(String.init) }
      for line in 0..<8 {
        print("  " + columns.map { $0.count > line ? $0[line] : "" }.joined(separator: "   "))
      }
      print("Output layer (10 × 128): each digit's inputs from the 128 hidden units, 64 a line")
      for digit in 0..<10 {
        let row = (0..<128).map { masks[1][digit, $0] }
        let lines = ((try? Mask(shape: [2, 64], isKept: row)) ?? Mask(row)).picture()
          .split(separator: "\n")
        let count = row.filter { $0 }.count
        print("  digit \(digit), \(String(format: "%2d", count)) kept  " + (lines.first ?? ""))
        print("                    " + (lines.dropFirst().first ?? ""))
      }
    }
  #endif

  private static func report(
    baseline: MLP, pruned: MLP, dense: Evaluation, prunedResult: Evaluation
  ) {
    #if KIT_HAS_PruningMetrics
      print("\nDense vs pruned (exercise 03's PruningReport; sizes count weights and biases)")
      do throws(PruningError) {
        let table = try PruningReport(
          baseline: baseline.sequential, pruned: pruned.sequential, inputShape: [1, 64],
          baselineAccuracy: dense.accuracy, prunedAccuracy: prunedResult.accuracy
        ).rendered()
        print(table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
      } catch .notImplemented(let function) {
        print("  (not available: \(function) in exercise 03 is not implemented yet)")
      } catch {
        print("  (not available: \(error))")
      }
    #else
      print("\n(Exercise 03 PruningMetrics is not in this build, so there is no report table.)")
    #endif
  }

  private static func percent(_ fraction: Double, digits: Int = 2) -> String {
    String(format: "%.\(digits)f %%", 100 * fraction)
  }

  private static func zeroCount(_ tensors: [Tensor]) -> Int {
    tensors.reduce(0) { $0 + $1.scalars.filter { $0 == 0 }.count }
  }
}
