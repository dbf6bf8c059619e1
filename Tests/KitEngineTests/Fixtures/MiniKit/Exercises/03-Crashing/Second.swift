import MiniCore

/// Returns the second value, or `nil` when there are fewer than two.
///
/// - Parameter values: The values.
/// - Returns: `values[1]`, or `nil` for fewer than two values.
/// - Throws: Nothing once written.
public func second(_ values: [Int]) throws(MiniError) -> Int? {
  // TODO: Return the second value when there is one.
  throw .notImplemented("second(_:)")
}
