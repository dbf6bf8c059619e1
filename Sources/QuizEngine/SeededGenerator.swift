/// A seeded random number generator (SplitMix64), so a seed gives the same session on every
/// run and platform.
///
/// The standard library's `shuffled(using:)` and `random(in:using:)` do not promise their
/// algorithm, so shuffling is done here with this generator's own draws.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator.
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

  /// Returns an integer in `0..<upperBound`, without bias (Lemire's method).
  ///
  /// - Parameter upperBound: The exclusive bound; values below 2 give 0.
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

  /// Shuffles an array in place (Fisher–Yates).
  ///
  /// - Parameter elements: The array to shuffle.
  /// - Complexity: O(*n*).
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(i, nextInt(below: i + 1))
    }
  }
}
