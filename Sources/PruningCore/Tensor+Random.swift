extension Tensor {
  /// Creates a tensor of uniformly distributed values from a seeded generator.
  ///
  /// - Parameters:
  ///   - shape: The size of each dimension; none may be negative.
  ///   - range: The interval to draw each element from.
  ///   - generator: The seeded generator; the same seed gives the same tensor.
  /// - Returns: The random tensor.
  /// - Throws: `PruningError.invalidShape` when a dimension is negative.
  public static func random(
    shape: [Int],
    in range: ClosedRange<Float> = -1...1,
    using generator: inout SplitMix64
  ) throws(PruningError) -> Tensor {
    var tensor = try Tensor(zeros: shape)
    for i in 0..<tensor.count {
      tensor[flat: i] = generator.nextFloat(in: range)
    }
    return tensor
  }

  /// Creates a tensor of normally distributed values from a seeded generator.
  ///
  /// - Parameters:
  ///   - shape: The size of each dimension; none may be negative.
  ///   - standardDeviation: The spread of the values around zero.
  ///   - generator: The seeded generator; the same seed gives the same tensor.
  /// - Returns: The random tensor.
  /// - Throws: `PruningError.invalidShape` when a dimension is negative.
  public static func randomNormal(
    shape: [Int],
    standardDeviation: Float = 1,
    using generator: inout SplitMix64
  ) throws(PruningError) -> Tensor {
    var tensor = try Tensor(zeros: shape)
    for i in 0..<tensor.count {
      tensor[flat: i] = generator.nextGaussian() * standardDeviation
    }
    return tensor
  }
}
