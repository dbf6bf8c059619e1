/// Plain, slow and obvious reference answers shared by the grading suites' oracles.
public enum ReferenceRanking {
  /// Python's `round`: half to even, written out on the exact `Double` value.
  ///
  /// - Parameter value: A non-negative product such as `Double(n) * fraction`.
  /// - Returns: The value rounded to the nearest integer, halves to the even one.
  public static func roundHalfEven(_ value: Double) -> Int {
    let floor = value.rounded(.down)
    let remainder = value - floor
    if remainder > 0.5 { return Int(floor) + 1 }
    if remainder < 0.5 { return Int(floor) }
    return Int(floor).isMultiple(of: 2) ? Int(floor) : Int(floor) + 1
  }

  /// Sorts the candidates by `(|w|, index)` and prunes the first `k` of them.
  ///
  /// - Parameters:
  ///   - values: The weights, flat.
  ///   - k: How many candidates to prune.
  ///   - candidates: Which positions may be pruned (all when `nil`); the others stay as given.
  /// - Returns: One flag per value, `true` = kept.
  public static func magnitudeKeep(
    _ values: [Float], prune k: Int, candidates: [Bool]? = nil
  ) -> [Bool] {
    let candidates = candidates ?? Array(repeating: true, count: values.count)
    let order = magnitudeOrder(values).filter { candidates[$0] }
    var keep = candidates
    for index in order.prefix(k) {
      keep[index] = false
    }
    return keep
  }

  /// The positions of the values ordered by `(|w|, index)`: the kit's tie rule, ascending.
  ///
  /// - Parameter values: The weights, flat.
  /// - Returns: The indices of `values`, smallest magnitude first; equal magnitudes in index
  ///   order.
  /// - Complexity: O(*n* log *n*).
  public static func magnitudeOrder(_ values: [Float]) -> [Int] {
    values.indices.sorted { a, b in
      abs(values[a]) != abs(values[b]) ? abs(values[a]) < abs(values[b]) : a < b
    }
  }
}
