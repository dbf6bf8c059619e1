import PruningCore

/// SparseGPT written from the paper's reference code (`fasterprune`), plain and in `Double`.
public enum ReferenceSparseGPT {
  /// SparseGPT as `fasterprune` writes it, without the lazy batching: after every column the
  /// error goes straight into **all** later columns. Mask choice per block (unstructured) or
  /// per group (N:M) from the current weights.
  ///
  /// - Parameters:
  ///   - weights: `W`, `[out, in]`.
  ///   - h0: `H`, `in × in`, as rows.
  ///   - fraction: The unstructured sparsity per block, or `nil`.
  ///   - nm: The N:M pattern, or `nil`.
  ///   - blockSize: The columns of a block (the unstructured mask is chosen per block).
  ///   - dampening: The fraction of `mean(diag H)` added to the diagonal.
  /// - Returns: The updated weights and the mask, flat, row after row.
  /// - Complexity: O(*in*³ + *out* · *in*²).
  public static func prune(
    _ weights: Tensor, hessian h0: [[Double]], fraction: Double? = nil,
    nm: (n: Int, m: Int)? = nil, blockSize: Int = 128, dampening: Double = 0.01
  ) -> (weights: [Double], keep: [Bool]) {
    var w = ReferenceAlgebra.rows(weights)
    var h = h0
    let n = h.count
    for j in 0..<n where h[j][j] == 0 {
      h[j][j] = 1
      for r in w.indices { w[r][j] = 0 }
    }
    let damp = dampening * (0..<n).map { h[$0][$0] }.reduce(0, +) / Double(n)
    for j in 0..<n { h[j][j] += damp }
    let u = ReferenceAlgebra.upperCholesky(ReferenceAlgebra.inverse(h))
    var keep = Array(repeating: Array(repeating: true, count: n), count: w.count)
    func saliency(_ r: Int, _ j: Int) -> Double { w[r][j] * w[r][j] / (u[j][j] * u[j][j]) }
    for i in 0..<n {
      if let fraction, i.isMultiple(of: blockSize) {
        let end = min(i + blockSize, n)
        var candidates: [(Double, Int, Int)] = []
        for r in w.indices { for j in i..<end { candidates.append((saliency(r, j), r, j)) } }
        candidates.sort { $0.0 != $1.0 ? $0.0 < $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        let k = ReferenceRanking.roundHalfEven(Double(candidates.count) * fraction)
        for (_, r, j) in candidates.prefix(k) { keep[r][j] = false }
      }
      if let nm, i.isMultiple(of: nm.m) {
        for r in w.indices {
          let order = (i..<i + nm.m).sorted {
            saliency(r, $0) != saliency(r, $1) ? saliency(r, $0) < saliency(r, $1) : $0 < $1
          }
          for j in order.prefix(nm.m - nm.n) { keep[r][j] = false }
        }
      }
      for r in w.indices {
        let q = keep[r][i] ? w[r][i] : 0
        let err = (w[r][i] - q) / u[i][i]
        for j in i..<n { w[r][j] -= err * u[i][j] }
        w[r][i] = q
      }
    }
    return (w.flatMap { $0 }, keep.flatMap { $0 })
  }
}
