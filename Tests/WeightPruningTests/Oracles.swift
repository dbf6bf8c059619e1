import PruningCore
import PruningTestSupport

/// Independent reference answers the property tests compare against: plain, slow and obvious.
enum Oracle {
  /// Python's `round`: half to even, on the exact `Double` product.
  static func pruneCount(fraction: Double, of n: Int) -> Int {
    ReferenceRanking.roundHalfEven(Double(n) * fraction)
  }

  /// Sorts positions by `(|w|, index)` and prunes the first `k` among the candidates.
  static func magnitudeKeep(_ values: [Float], prune k: Int, candidates: [Bool]? = nil) -> [Bool] {
    ReferenceRanking.magnitudeKeep(values, prune: k, candidates: candidates)
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
