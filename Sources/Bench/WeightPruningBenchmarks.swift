import BenchKit
import PruningCore

#if KIT_HAS_WeightPruning
  import WeightPruning

  extension BenchSuite {
    /// Threshold pruning of the whole vector against a plain copy of it.
    mutating func runThreshold() {
      let n = sizes.floats
      dataDescriptions[.threshold] =
        "\(Format.count(n)) floats in -1..<1; |w| < \(BenchData.threshold) becomes 0"
      let values = BenchData.uniform(count: n, seed: BenchData.vectorSeed)
      let weights = Tensor(values)
      runner.kernel(
        RowSpec(group: .threshold, kernel: "pruneWeights(_:threshold:)", baseline: "plain copy"),
        { () throws(PruningError) in try pruneWeights(weights, threshold: BenchData.threshold) },
        check: { Self.thresholdProblem($0, values) },
        against: (
          RowSpec(group: .threshold, kernel: "plain copy"),
          { blackHole(Baselines.plainCopy(values)) }
        ))
    }

    /// Magnitude pruning to 90 % against a full sort of the magnitudes.
    mutating func runMagnitude() {
      let n = sizes.floats
      dataDescriptions[.magnitude] =
        "\(Format.count(n)) floats in -1..<1; the "
        + "\(Format.percent(BenchData.magnitudeSparsity)) smallest magnitudes are masked"
      let values = BenchData.uniform(count: n, seed: BenchData.vectorSeed)
      let weights = Tensor(values)
      let pruned = Int((Double(n) * BenchData.magnitudeSparsity).rounded(.toNearestOrEven))
      runner.kernel(
        RowSpec(group: .magnitude, kernel: "magnitudeMask(_:amount:)", baseline: "full sort"),
        { () throws(PruningError) in
          try magnitudeMask(weights, amount: .fraction(BenchData.magnitudeSparsity))
        },
        check: { Self.magnitudeProblem($0, values, pruned: pruned) },
        against: (
          RowSpec(group: .magnitude, kernel: "full sort"),
          { blackHole(Baselines.sortedMagnitudes(values)) }
        ))
    }

    private static func thresholdProblem(_ pruned: Tensor, _ values: [Float]) -> String? {
      guard pruned.shape == [values.count] else { return "shape \(pruned.shape)" }
      for (i, value) in values.enumerated() {
        let expected = abs(value) < BenchData.threshold ? 0 : value
        if pruned.scalars[i] != expected {
          return "element \(i) is \(pruned.scalars[i]), expected \(expected)"
        }
      }
      return nil
    }

    private static func magnitudeProblem(_ mask: Mask, _ values: [Float], pruned: Int) -> String? {
      guard mask.shape == [values.count] else { return "shape \(mask.shape)" }
      guard mask.prunedCount == pruned else {
        return "\(mask.prunedCount) pruned, expected \(pruned)"
      }
      var largestPruned: Float = 0
      var smallestKept = Float.infinity
      for (value, kept) in zip(values, mask.isKept) {
        if kept {
          smallestKept = min(smallestKept, abs(value))
        } else {
          largestPruned = max(largestPruned, abs(value))
        }
      }
      guard largestPruned <= smallestKept else {
        return "a pruned magnitude \(largestPruned) exceeds a kept one, \(smallestKept)"
      }
      return nil
    }
  }
#else
  extension BenchSuite {
    mutating func runThreshold() {
      runner.notCompiled(.threshold, kernel: "pruneWeights(_:threshold:)", module: "WeightPruning")
    }

    mutating func runMagnitude() {
      runner.notCompiled(.magnitude, kernel: "magnitudeMask(_:amount:)", module: "WeightPruning")
    }
  }
#endif
