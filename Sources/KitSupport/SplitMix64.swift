import Foundation

/// A small, fast, seeded random number generator (SplitMix64, Steele et al. 2014).
///
/// Everything random in the kit takes one of these, so every run on every platform gives the
/// same numbers for the same seed. The float helpers below are defined here, bit for bit,
/// rather than through the standard library's `random(in:using:)`, whose algorithm is not
/// part of its contract.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from a seed.
  ///
  /// - Parameter seed: Any value; equal seeds give equal sequences.
  public init(seed: UInt64) {
    state = seed
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Returns a float uniformly distributed in `0..<1`, with 24 random bits.
  public mutating func nextUnitFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// Returns a double uniformly distributed in `0..<1`, with 53 random bits.
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// Returns a float uniformly distributed over a range.
  ///
  /// - Parameter range: The interval to draw from; its bounds must be finite.
  /// - Returns: `lowerBound + u · (upperBound − lowerBound)` for a unit draw `u`.
  public mutating func nextFloat(in range: ClosedRange<Float>) -> Float {
    range.lowerBound + nextUnitFloat() * (range.upperBound - range.lowerBound)
  }

  /// Returns an integer uniformly distributed in `0..<upperBound` (Lemire's method, unbiased).
  ///
  /// - Parameter upperBound: The exclusive upper bound; values below 1 return 0.
  /// - Returns: A value in `0..<upperBound`.
  public mutating func nextInt(below upperBound: Int) -> Int {
    guard upperBound > 1 else { return 0 }
    let bound = UInt64(upperBound)
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold {
        product = next().multipliedFullWidth(by: bound)
      }
    }
    return Int(product.high)
  }

  /// Returns a normally distributed float (Box–Muller), mean 0 and standard deviation 1.
  public mutating func nextGaussian() -> Float {
    let u1 = max(nextUnitDouble(), 0x1p-53)
    let u2 = nextUnitDouble()
    let radius = (-2 * log(u1)).squareRoot()
    return Float(radius * cos(2 * Double.pi * u2))
  }

  /// Shuffles a collection in place (Fisher–Yates), using only this generator's own draws.
  ///
  /// - Parameter elements: The array to shuffle.
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      let j = nextInt(below: i + 1)
      elements.swapAt(i, j)
    }
  }
}
