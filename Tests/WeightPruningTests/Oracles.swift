import PruningCore

/// Independent reference answers the property tests compare against: plain, slow and obvious.
enum Oracle {
  /// Python's `round`: half to even, on the exact `Double` product.
  static func pruneCount(fraction: Double, of n: Int) -> Int {
    let product = Double(n) * fraction
    let floor = product.rounded(.down)
    let remainder = product - floor
    if remainder > 0.5 { return Int(floor) + 1 }
    if remainder < 0.5 { return Int(floor) }
    return Int(floor).isMultiple(of: 2) ? Int(floor) : Int(floor) + 1
  }

  /// Sorts positions by `(|w|, index)` and prunes the first `k` among the candidates.
  static func magnitudeKeep(_ values: [Float], prune k: Int, candidates: [Bool]? = nil) -> [Bool] {
    let candidates = candidates ?? Array(repeating: true, count: values.count)
    let order = values.indices.filter { candidates[$0] }.sorted { a, b in
      abs(values[a]) != abs(values[b]) ? abs(values[a]) < abs(values[b]) : a < b
    }
    var keep = candidates
    for index in order.prefix(k) {
      keep[index] = false
    }
    return keep
  }

  /// `|w| > quality · σ` with σ the population standard deviation, two-pass, in `Double`.
  static func stdKeep(_ values: [Float], quality: Float) -> [Bool] {
    let n = Double(values.count)
    let mean = values.map(Double.init).reduce(0, +) / n
    let sigma = (values.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / n)
      .squareRoot()
    return values.map { Double(abs($0)) > Double(quality) * sigma }
  }
}
