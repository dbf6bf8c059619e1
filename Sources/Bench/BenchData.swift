import PruningCore

/// The seeded data every benchmark runs on, the same on every run and machine.
///
/// Values come from PruningCore's `SplitMix64`: `nextFloat(in: -1...1)` is `-1 + 2u` with
/// `u = (bits >> 40) · 2⁻²⁴`, exact in `Float`, so `Scripts/compare-numpy.py` rebuilds the same
/// arrays bit for bit from the same seeds.
enum BenchData {
  static let vectorSeed: UInt64 = 1
  static let matrixSeed: UInt64 = 100
  static let blockSeed: UInt64 = 200
  static let kMeansSeed: UInt64 = 300
  static let oneShotWeightSeed: UInt64 = 400
  static let oneShotInputSeed: UInt64 = 401

  /// The threshold of the threshold-pruning benchmark; about half of `-1..<1` falls below it.
  static let threshold: Float = 0.5

  /// The target sparsity of the magnitude-pruning benchmark.
  static let magnitudeSparsity = 0.9

  /// The sparsities of the block-sparse mat-vec benchmarks.
  static let sparsities = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99]

  /// The sparsities of the CSR benchmark: the same, plus two below 50 %. With int32 indices
  /// CSR reads as many bytes as dense at about 50 %, so on a machine where both are limited by
  /// memory bandwidth the crossing lies near there, and points on both sides bracket it.
  static let csrSparsities = [0.3, 0.4] + sparsities

  /// Uniform values in `-1..<1`.
  static func uniform(count: Int, seed: UInt64) -> [Float] {
    var generator = SplitMix64(seed: seed)
    return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      for i in 0..<count {
        buffer.initializeElement(at: i, to: generator.nextFloat(in: -1...1))
      }
      initialized = count
    }
  }

  /// A `size × size` matrix with unstructured sparsity: uniform values with every `|w|` below
  /// `sparsity` set to zero (magnitude pruning at that threshold), so about that fraction is
  /// zero, scattered at random.
  static func unstructuredMatrix(size: Int, sparsity: Double) -> [Float] {
    let cut = Float(sparsity)
    return uniform(count: size * size, seed: matrixSeed).map { abs($0) < cut ? 0 : $0 }
  }

  /// A `size × size` matrix with block sparsity: the same uniform values, with every
  /// `block × block` tile zeroed whose own uniform score in `0..<1` is below `sparsity`.
  static func blockMatrix(size: Int, block: Int, sparsity: Double) -> [Float] {
    var values = uniform(count: size * size, seed: matrixSeed)
    var generator = SplitMix64(seed: blockSeed + UInt64(block))
    let cut = Float(sparsity)
    for tileRow in 0..<size / block {
      for tileColumn in 0..<size / block where generator.nextUnitFloat() < cut {
        for i in tileRow * block..<(tileRow + 1) * block {
          let start = i * size + tileColumn * block
          for j in start..<start + block { values[j] = 0 }
        }
      }
    }
    return values
  }

  /// A `size × size` 2:4 matrix: in every group of four along a row, the two largest
  /// magnitudes are kept (ties keep the lower index) and the other two are zero.
  static func twoFourMatrix(size: Int) -> [Float] {
    let values = uniform(count: size * size, seed: matrixSeed)
    var pruned = values
    for group in stride(from: 0, to: values.count, by: 4) {
      for i in group..<group + 4 {
        // Weight i is kept when fewer than two of its group rank above it.
        var above = 0
        for j in group..<group + 4
        where abs(values[j]) > abs(values[i]) || (abs(values[j]) == abs(values[i]) && j < i) {
          above += 1
        }
        if above >= 2 { pruned[i] = 0 }
      }
    }
    return pruned
  }

  /// The fraction of elements that are zero.
  static func zeroFraction(_ values: [Float]) -> Double {
    guard !values.isEmpty else { return 0 }
    return Double(values.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }) / Double(values.count)
  }

  /// The largest difference between two products, relative to the larger magnitude (at
  /// least 1), or a description of the first mismatch in length.
  static func mismatch(_ actual: [Float], _ expected: [Float]) -> String? {
    guard actual.count == expected.count else {
      return "\(actual.count) entries, expected \(expected.count)"
    }
    for i in expected.indices {
      let scale = max(abs(expected[i]), 1)
      if !(abs(actual[i] - expected[i]) <= 1e-3 * scale) {
        return "y[\(i)] = \(actual[i]), the dense product gives \(expected[i])"
      }
    }
    return nil
  }
}
