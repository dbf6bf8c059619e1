import MiniCore

/// Returns every value doubled.
///
/// - Parameter values: The values.
/// - Returns: The values, each times two.
/// - Throws: Nothing once written.
public func doubled(_ values: [Int]) throws(MiniError) -> [Int] {
  values.map { $0 * 2 }
}
