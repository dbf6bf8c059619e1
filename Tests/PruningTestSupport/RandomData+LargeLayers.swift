import PruningCore

extension RandomData {
  /// Weights drawn from a few values with random signs: tens of thousands of exact ties.
  ///
  /// Each weight takes one generator draw for the value and one for the sign, in that order.
  /// The support target is compiled with optimisation, so a large layer costs little to make
  /// even when the suite runs unoptimised.
  ///
  /// - Parameters:
  ///   - palette: The magnitudes to draw from.
  ///   - count: How many weights.
  ///   - seed: The generator's seed.
  /// - Returns: The weights.
  /// - Complexity: O(`count`).
  public static func signedDraws(from palette: [Float], count: Int, seed: UInt64) -> [Float] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let value = palette[generator.nextInt(below: palette.count)]
      return generator.nextInt(below: 2) == 0 ? value : -value
    }
  }

  /// Weights `±n/1000` for `n` in `0..<1000`: a layer with many ties among few magnitudes.
  ///
  /// - Parameters:
  ///   - count: How many weights.
  ///   - seed: The generator's seed.
  /// - Returns: The weights.
  /// - Complexity: O(`count`).
  public static func signedThousandths(count: Int, seed: UInt64) -> [Float] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      Float(generator.nextInt(below: 1000)) / 1000 * (generator.next() & 1 == 0 ? 1 : -1)
    }
  }

  /// Weights whose magnitudes span the whole exponent range, from `2⁻¹⁴⁸` (subnormal) to
  /// `2¹⁰¹`, with eight mantissas (so there are ties) and random signs.
  ///
  /// - Parameters:
  ///   - count: How many weights.
  ///   - generator: The generator; it is advanced by three draws per weight.
  /// - Returns: The weights.
  /// - Complexity: O(`count`).
  public static func wideExponents(count: Int, using generator: inout SplitMix64) -> [Float] {
    (0..<count).map { _ -> Float in
      let exponent = generator.nextInt(below: 250) - 148
      let mantissa = Float(generator.nextInt(below: 8) + 8) / 8
      let value = mantissa * Float(sign: .plus, exponent: exponent, significand: 1)
      return generator.nextInt(below: 2) == 0 ? value : -value
    }
  }

  /// The values sorted by magnitude, ascending; equal magnitudes keep their order.
  ///
  /// - Parameter values: The values.
  /// - Returns: The values, reordered.
  /// - Complexity: O(*n* log *n*).
  public static func sortedByMagnitude(_ values: [Float]) -> [Float] {
    ReferenceRanking.magnitudeOrder(values).map { values[$0] }
  }
}
