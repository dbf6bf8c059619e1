/// A float compared bit for bit and printed as its value, for checks where `-0` and `+0` (or
/// two NaN payloads) must differ but a failure should still read as numbers: `expected -0.0,
/// got 0.0` rather than two bit patterns.
public struct ExactFloat: Equatable, CustomStringConvertible, Sendable {
  /// The value.
  public var value: Float

  /// Wraps a value.
  ///
  /// - Parameter value: The value.
  public init(_ value: Float) { self.value = value }

  /// Whether two values have the same bit pattern.
  public static func == (left: Self, right: Self) -> Bool {
    left.value.bitPattern == right.value.bitPattern
  }

  /// The value as Swift prints it (`-0.0`, `0.5`, `nan`).
  public var description: String { value.description }
}

extension Array where Element == Float {
  /// The values, to be compared bit for bit (``ExactFloat``).
  public var exact: [ExactFloat] { map(ExactFloat.init) }
}
