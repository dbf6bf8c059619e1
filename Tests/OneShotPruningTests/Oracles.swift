import Foundation
import PruningCore
import PruningTestSupport

/// Independent reference answers the property tests compare against: plain, slow and obvious,
/// in `Double`, written from the papers' reference code rather than from the exercise.
enum Oracle {
  /// `‖X_j‖₂` of each row of `X`.
  static func norms(_ x: Tensor) -> [Double] {
    ReferenceAlgebra.rows(x).map { $0.map { $0 * $0 }.reduce(0, +).squareRoot() }
  }

  /// `2XXᵀ`.
  static func hessian(_ x: Tensor) -> [[Double]] {
    let r = ReferenceAlgebra.rows(x)
    return r.map { a in r.map { b in 2 * zip(a, b).map(*).reduce(0, +) } }
  }

  /// Per row, prune `round(in · fraction)` (half to even) lowest scores by (score, column).
  static func rowKeep(_ scores: [[Double]], fraction: Double) -> [Bool] {
    scores.flatMap { row in
      let k = ReferenceRanking.roundHalfEven(Double(row.count) * fraction)
      let order = row.indices.sorted { row[$0] != row[$1] ? row[$0] < row[$1] : $0 < $1 }
      var keep = Array(repeating: true, count: row.count)
      for c in order.prefix(k) { keep[c] = false }
      return keep
    }
  }

  /// In every group of `m` consecutive scores of a row, prune the `m − n` lowest by (score, index).
  static func nmKeep(_ scores: [[Double]], n: Int, m: Int) -> [Bool] {
    scores.flatMap { row in
      stride(from: 0, to: row.count, by: m).flatMap { start in
        let group = Array(row[start..<start + m])
        let order = group.indices.sorted {
          group[$0] != group[$1] ? group[$0] < group[$1] : $0 < $1
        }
        var keep = Array(repeating: true, count: m)
        for c in order.prefix(m - n) { keep[c] = false }
        return keep
      }
    }
  }

  /// `‖(W − Ŵ)X‖²_F` with `W − Ŵ` given flat, `[out, in]`.
  static func reconstruction(difference: [Double], rows out: Int, inputs x: Tensor) -> Double {
    let xr = ReferenceAlgebra.rows(x)
    let n = xr.count
    let tokens = x.shape[1]
    var total = 0.0
    for r in 0..<out {
      for t in 0..<tokens {
        var y = 0.0
        for j in 0..<n { y += difference[r * n + j] * xr[j][t] }
        total += y * y
      }
    }
    return total
  }

  /// `‖WX − ŴX‖²_F` of two tensors.
  static func reconstruction(_ w: Tensor, _ pruned: Tensor, inputs x: Tensor) -> Double {
    let difference = zip(w.scalars, pruned.scalars).map { Double($0) - Double($1) }
    return reconstruction(difference: difference, rows: w.shape[0], inputs: x)
  }

  /// Wanda's mask from the inputs: `|W|·‖X_j‖` ranked per row (fraction) or per group (N:M).
  static func wandaKeep(
    _ w: Tensor, inputs x: Tensor, fraction: Double? = nil, nm: (n: Int, m: Int)? = nil
  ) -> [Bool] {
    let norms = norms(x)
    let scores = ReferenceAlgebra.rows(w).map { row in
      row.enumerated().map { abs($1) * norms[$0] }
    }
    if let nm { return nmKeep(scores, n: nm.n, m: nm.m) }
    return rowKeep(scores, fraction: fraction ?? 0)
  }

  /// A random symmetric positive definite matrix `AAᵀ + I·shift`, as a `SquareMatrix` and rows.
  static func randomSPD(dimension n: Int, seed: UInt64, shift: Double = 0.5) -> [[Double]] {
    var generator = SplitMix64(seed: seed)
    let a = (0..<n).map { _ in (0..<n).map { _ in generator.nextUnitDouble() * 2 - 1 } }
    var result = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    for i in 0..<n {
      for j in 0..<n {
        var sum = i == j ? shift : 0
        for k in 0..<n { sum += a[i][k] * a[j][k] }
        result[i][j] = sum
      }
    }
    return result
  }

  /// Rows as a `SquareMatrix`.
  static func square(_ rows: [[Double]]) -> SquareMatrix {
    (try? SquareMatrix(dimension: rows.count, scalars: rows.flatMap { $0 }))
      ?? SquareMatrix(diagonal: [])
  }
}
