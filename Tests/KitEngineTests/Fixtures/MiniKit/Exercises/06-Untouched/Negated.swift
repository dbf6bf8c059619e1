import MiniCore

/// Returns every value negated.
///
/// - Parameter values: The values.
/// - Returns: The values, each with its sign flipped.
/// - Throws: Nothing once written.
public func negated(_ values: [Int]) throws(MiniError) -> [Int] {
  // TODO: Negate every value.
  throw .notImplemented("negated(_:)")
}
