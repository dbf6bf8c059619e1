import MiniCore

/// Returns the sum of the values; the sum of no values is zero.
///
/// - Parameter values: The values to add.
/// - Returns: Their sum.
/// - Throws: Nothing once written.
public func total(_ values: [Int]) throws(MiniError) -> Int {
  // TODO: Add the values up.
  throw .notImplemented("total(_:)")
}
