import MiniCore

/// Returns the largest value.
///
/// - Parameter values: The values; at least one.
/// - Returns: The largest of them.
/// - Throws: `MiniError.emptyInput` when there are no values.
public func largest(_ values: [Int]) throws(MiniError) -> Int {
  // TODO: Reject an empty list, then find the largest value.
  throw .notImplemented("largest(_:)")
}
