import PruningCore
import PruningTestSupport

/// Independent reference answers and random inputs: plain, slow and obvious.
enum Oracle {
  /// A random matrix of sixteenths in `-2...2` with a random share of zeros. Sums of a few
  /// hundred such values are exact in `Float`, so ties between blocks are real ties whatever the
  /// summation order.
  static func sixteenths(rows: Int, columns: Int, seed: UInt64) -> Tensor {
    var generator = SplitMix64(seed: seed)
    let density = 0.2 + 0.8 * generator.nextUnitDouble()
    let scalars = (0..<rows * columns).map { _ -> Float in
      guard generator.nextUnitDouble() < density else { return 0 }
      return Float(generator.nextInt(below: 65) - 32) / 16
    }
    return (try? Tensor(shape: [rows, columns], scalars: scalars)) ?? Tensor([])
  }

  /// A random shape that a random block size divides, with the block size.
  static func blockedShape(seed: UInt64) -> (shape: [Int], block: [Int]) {
    var generator = SplitMix64(seed: seed)
    let r = 1 + generator.nextInt(below: 4)
    let c = 1 + generator.nextInt(below: 4)
    let blockRows = 1 + generator.nextInt(below: 5)
    let blockColumns = 1 + generator.nextInt(below: 5)
    return ([r * blockRows, c * blockColumns], [r, c])
  }

  /// A random shape that a random block size divides, the block size, and a random matrix of
  /// ``sixteenths(rows:columns:seed:)`` of that shape.
  ///
  /// - Parameter seed: The seed of the shape and of the matrix.
  /// - Returns: The shape `[rows, columns]`, the block size `[r, c]` and the matrix.
  /// - Complexity: O(*n*) in the number of elements of the matrix.
  static func blockedMatrix(seed: UInt64) -> (shape: [Int], block: [Int], w: Tensor) {
    let (shape, block) = blockedShape(seed: seed)
    return (shape, block, sixteenths(rows: shape[0], columns: shape[1], seed: seed))
  }

  /// Block scores by the definition, in `Double`.
  static func blockScores(_ w: Tensor, r: Int, c: Int, average: Bool) -> [[Double]] {
    let (rows, columns) = (w.shape[0], w.shape[1])
    return (0..<rows / r).map { bi in
      (0..<columns / c).map { bj in
        var magnitudes: [Double] = []
        for i in 0..<r {
          for j in 0..<c {
            magnitudes.append(Double(abs(w.scalars[(bi * r + i) * columns + bj * c + j])))
          }
        }
        return average
          ? magnitudes.reduce(0, +) / Double(r * c) : (magnitudes.max() ?? 0)
      }
    }
  }

  /// TensorFlow's keep rule on block scores, expanded to the weights' shape.
  static func blockMask(
    _ w: Tensor, r: Int, c: Int, average: Bool, sparsity: Double
  ) -> [Bool] {
    let scores = blockScores(w, r: r, c: c, average: average)
    let flat = scores.flatMap { $0 }
    guard !flat.isEmpty else { return [] }
    let product = Double(flat.count) * (1 - sparsity)
    var keep = Int(product.rounded(.down))
    let fraction = product - Double(keep)
    if fraction > 0.5 || (fraction == 0.5 && !keep.isMultiple(of: 2)) { keep += 1 }
    keep = max(keep, 1)
    let threshold = flat.sorted(by: >)[keep - 1]
    let (rows, columns) = (w.shape[0], w.shape[1])
    return (0..<rows * columns).map { flatIndex in
      scores[flatIndex / columns / r][flatIndex % columns / c] >= threshold
    }
  }

  /// N:M by sorting each group by (|w| descending, index ascending) and keeping the first n.
  static func nmKeep(_ values: [Float], n: Int, m: Int) -> [Bool] {
    var keep = [Bool](repeating: false, count: values.count)
    for start in stride(from: 0, to: values.count, by: m) {
      let order = (start..<start + m).sorted { a, b in
        abs(values[a]) != abs(values[b]) ? abs(values[a]) > abs(values[b]) : a < b
      }
      for index in order.prefix(n) {
        keep[index] = true
      }
    }
    return keep
  }

  /// The dense product `A · x`, accumulated in `Double`.
  static func matVec(_ a: Tensor, _ x: [Float]) -> [Float] {
    ReferenceAlgebra.matVec(a, x)
  }

  /// A vector of sixteenths in `-1...1`.
  static func vector(count: Int, seed: UInt64) -> [Float] {
    RandomData.grid(count: count, numerators: -16...16, denominator: 16, seed: seed)
  }

  /// Zeroes the entries a mask prunes.
  static func applying(_ keep: [Bool], to w: Tensor) -> Tensor {
    ReferenceAlgebra.masked(w, keeping: keep)
  }
}
