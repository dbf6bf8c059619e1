/// The errors every PruningKit API throws, typed so a caller can match the exact case.
///
/// Each case carries what was wrong and where, and its `description` says it in a sentence
/// (see `PruningError+Description.swift`). A stub that has not been written yet throws
/// ``notImplemented(_:)``.
public enum PruningError: Error, Equatable, Hashable, Sendable {
  /// The function has not been written yet; the payload names it.
  case notImplemented(String)

  /// A fraction outside `0...1`, a negative count, or a non-finite fraction.
  case invalidAmount(PruningAmount)

  /// A count that asks for more units than there are.
  case amountExceedsCount(requested: Int, available: Int)

  /// A threshold (or quality factor) that is negative or not finite.
  case invalidThreshold(Float)

  /// A weight that is NaN or infinite, at its position (one index per dimension).
  case nonFiniteWeight(position: [Int], kind: NonFiniteKind)

  /// Two shapes that had to agree do not.
  case shapeMismatch(expected: [Int], actual: [Int])

  /// A shape with a negative dimension, or whose element count differs from the storage.
  case invalidShape(shape: [Int], scalarCount: Int)

  /// A dimension argument outside `0..<rank`.
  case invalidDimension(dimension: Int, rank: Int)

  /// An index outside `0..<count` (a channel, a layer, a column, …).
  case indexOutOfRange(index: Int, count: Int)

  /// An input that must not be empty was empty; the payload names it.
  case emptyInput(String)

  /// Any other argument outside its documented range; the payload names the argument and the rule.
  case invalidArgument(String)
}

/// How a weight fails to be finite.
public enum NonFiniteKind: String, Hashable, Sendable, CaseIterable {
  /// Not a number.
  case nan = "NaN"
  /// Positive infinity.
  case positiveInfinity = "+infinity"
  /// Negative infinity.
  case negativeInfinity = "-infinity"

  /// The kind of a non-finite value, or `nil` for a finite one.
  ///
  /// The result is `nil` when `value` is finite.
  ///
  /// - Parameter value: The value to classify.
  public init?(_ value: Float) {
    if value.isNaN {
      self = .nan
    } else if value == .infinity {
      self = .positiveInfinity
    } else if value == -.infinity {
      self = .negativeInfinity
    } else {
      return nil
    }
  }
}
