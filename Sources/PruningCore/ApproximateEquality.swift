extension BinaryFloatingPoint {
  /// Whether two values are equal within an absolute or a relative tolerance.
  ///
  /// True when `|self − other| ≤ max(absoluteTolerance, relativeTolerance · max(|self|, |other|))`.
  /// Two NaNs are never equal; equal infinities are. As swift-numerics warns for its
  /// `isApproximatelyEqual`, the relation is not transitive, so never use it for `Equatable`.
  ///
  /// - Parameters:
  ///   - other: The value to compare with.
  ///   - absoluteTolerance: The largest difference accepted near zero.
  ///   - relativeTolerance: The largest difference accepted, as a fraction of the larger magnitude.
  /// - Returns: Whether the two values are close.
  public func isApproximatelyEqual(
    to other: Self,
    absoluteTolerance: Self = 1e-6,
    relativeTolerance: Self = 1e-5
  ) -> Bool {
    if self == other { return true }
    guard isFinite, other.isFinite else { return false }
    let scale = Swift.max(abs(self), abs(other))
    return abs(self - other) <= Swift.max(absoluteTolerance, relativeTolerance * scale)
  }
}
