import MiniCore

/// Returns the second value, or `nil` when there are fewer than two.
///
/// - Parameter values: The values.
/// - Returns: `values[1]`, or `nil` for fewer than two values.
/// - Throws: Nothing once written.
public func second(_ values: [Int]) throws(MiniError) -> Int? {
  values.count >= 2 ? values[1] : nil
}
