import PruningCore

/// Seeded random inputs for property tests: the same seed gives the same data on every run.
public enum RandomData {
  /// The seeds property tests iterate over (used as `@Test(arguments: RandomData.seeds)`).
  public static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34]

  /// A random tensor of a given shape with values in a range.
  ///
  /// - Parameters:
  ///   - shape: The size of each dimension.
  ///   - seed: The generator's seed.
  ///   - range: The interval the values come from.
  /// - Returns: The tensor (an empty one for a shape with a negative dimension, which callers
  ///   never pass).
  public static func tensor(
    shape: [Int], seed: UInt64, in range: ClosedRange<Float> = -1...1
  ) -> Tensor {
    var generator = SplitMix64(seed: seed)
    return (try? Tensor.random(shape: shape, in: range, using: &generator)) ?? Tensor([])
  }

  /// A random tensor of values on a coarse grid, `numerator / denominator`
  /// (``grid(count:numerators:denominator:using:)`` in row-major order), so that ties are common
  /// and small sums are exact in `Float`.
  ///
  /// - Parameters:
  ///   - shape: The size of each dimension.
  ///   - numerators: The range each numerator is drawn from.
  ///   - denominator: The grid's step is `1 / denominator`.
  ///   - generator: The generator the draws come from (one draw a value).
  /// - Returns: The tensor (an empty one for a shape with a negative dimension, which callers
  ///   never pass).
  /// - Complexity: O(*n*) in the number of elements.
  public static func gridTensor(
    shape: [Int], numerators: ClosedRange<Int>, denominator: Float,
    using generator: inout SplitMix64
  ) -> Tensor {
    let values = grid(
      count: Tensor.elementCount(of: shape), numerators: numerators, denominator: denominator,
      using: &generator)
    return (try? Tensor(shape: shape, scalars: values)) ?? Tensor([])
  }

  /// A random tensor whose magnitudes are all different, so tie rules never matter.
  ///
  /// The magnitudes are a shuffled `0.01, 0.02, …` ladder with random signs.
  ///
  /// - Parameters:
  ///   - shape: The size of each dimension.
  ///   - seed: The generator's seed.
  /// - Returns: The tensor.
  public static func distinctMagnitudes(shape: [Int], seed: UInt64) -> Tensor {
    var generator = SplitMix64(seed: seed)
    let count = Tensor.elementCount(of: shape)
    var magnitudes = (1...max(count, 1)).map { Float($0) / 100 }
    generator.shuffle(&magnitudes)
    let values = magnitudes.prefix(count).map { generator.next() & 1 == 0 ? $0 : -$0 }
    return (try? Tensor(shape: shape, scalars: Array(values))) ?? Tensor([])
  }

  /// A random shape with each dimension in a range.
  ///
  /// - Parameters:
  ///   - rank: The number of dimensions.
  ///   - dimensions: The range each dimension is drawn from.
  ///   - seed: The generator's seed.
  /// - Returns: The shape.
  public static func shape(rank: Int, dimensions: ClosedRange<Int> = 1...8, seed: UInt64) -> [Int] {
    var generator = SplitMix64(seed: seed)
    return (0..<rank).map { _ in
      dimensions.lowerBound + generator.nextInt(below: dimensions.count)
    }
  }

  /// A random fraction in `0...1`, away from the exact halves where rounding rules differ
  /// only when a test means them to.
  ///
  /// - Parameter seed: The generator's seed.
  /// - Returns: The fraction.
  public static func fraction(seed: UInt64) -> Double {
    var generator = SplitMix64(seed: seed)
    return generator.nextUnitDouble()
  }

  /// Random values on a coarse grid, `numerator / denominator`, so that ties are common and
  /// small sums are exact in `Float`.
  ///
  /// - Parameters:
  ///   - count: How many values.
  ///   - numerators: The range each numerator is drawn from.
  ///   - denominator: The grid's step is `1 / denominator`.
  ///   - generator: The generator the draws come from (one draw a value).
  /// - Returns: The values.
  public static func grid(
    count: Int, numerators: ClosedRange<Int>, denominator: Float,
    using generator: inout SplitMix64
  ) -> [Float] {
    (0..<count).map { _ in
      Float(numerators.lowerBound + generator.nextInt(below: numerators.count)) / denominator
    }
  }

  /// Random values on a coarse grid from a fresh generator.
  ///
  /// - Parameters:
  ///   - count: How many values.
  ///   - numerators: The range each numerator is drawn from.
  ///   - denominator: The grid's step is `1 / denominator`.
  ///   - seed: The generator's seed.
  /// - Returns: The values.
  public static func grid(
    count: Int, numerators: ClosedRange<Int>, denominator: Float = 1, seed: UInt64
  ) -> [Float] {
    var generator = SplitMix64(seed: seed)
    return grid(
      count: count, numerators: numerators, denominator: denominator, using: &generator)
  }
}
