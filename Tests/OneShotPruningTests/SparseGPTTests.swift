import OneShotPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("SparseGPT (sparseGPT)")
struct SparseGPTTests {
  /// A layer and calibration inputs with more tokens than inputs, so H is positive definite.
  static func layer(seed: UInt64, rows: Int = 5, inputs: Int = 8, tokens: Int = 24)
    -> (w: Tensor, x: Tensor)
  {
    let w = RandomData.tensor(shape: [rows, inputs], seed: seed)
    let x = RandomData.tensor(shape: [inputs, tokens], seed: seed &+ 50, in: -2...2)
    return (w, x)
  }

  @Test("Worked example: pruning 0.2 of [1, 0.2, -0.5] moves it into its neighbour: [1, 0, -0.4]")
  func workedExample() throws {
    let w = try Tensor(rows: [[1, 0.2, -0.5]])
    let h = try SquareMatrix(dimension: 3, scalars: [2, 1, 0, 1, 2, 1, 0, 1, 2])
    let result = try sparseGPT(w, hessian: h, pattern: .unstructured(1.0 / 3), dampening: 0)
    expectMask(result.mask, equals: mask("█·█").isKept)
    expectClose(result.weights, try Tensor(rows: [[1, 0, -0.4]]), tolerance: 1e-5)
  }

  @Test(
    "Unstructured, blocks of 3, 8 and 128: equals fasterprune without lazy batching",
    arguments: RandomData.seeds)
  func unstructuredMatchesReference(seed: UInt64) throws {
    let (w, x) = Self.layer(seed: seed)
    let h = Oracle.hessian(x)
    for (blockSize, fraction) in [(3, 0.5), (8, 0.6), (128, 0.3)] {
      let result = try sparseGPT(
        w, hessian: Oracle.square(h), pattern: .unstructured(fraction), blockSize: blockSize)
      let expected = ReferenceSparseGPT.prune(
        w, hessian: h, fraction: fraction, blockSize: blockSize)
      let label: Comment = "block \(blockSize), sparsity \(fraction)"
      expectMask(result.mask, equals: try Mask(shape: w.shape, isKept: expected.keep), label)
      expectClose(
        result.weights, try Tensor(shape: w.shape, scalars: expected.weights.map { Float($0) }),
        tolerance: 1e-3, label)
    }
  }

  @Test(
    "2:4 and 4:8 with blocks of 8 and 128: equals the reference; exactly N kept per group",
    arguments: RandomData.seeds)
  func nmMatchesReference(seed: UInt64) throws {
    let (w, x) = Self.layer(seed: seed, inputs: 16, tokens: 40)
    let h = Oracle.hessian(x)
    for (n, m, blockSize) in [(2, 4, 8), (4, 8, 8), (2, 4, 128)] {
      let result = try sparseGPT(
        w, hessian: Oracle.square(h), pattern: .nm(n: n, m: m), blockSize: blockSize)
      let expected = ReferenceSparseGPT.prune(w, hessian: h, nm: (n, m), blockSize: blockSize)
      let label: Comment = "\(n):\(m), block \(blockSize)"
      expectMask(result.mask, equals: try Mask(shape: w.shape, isKept: expected.keep), label)
      expectClose(
        result.weights, try Tensor(shape: w.shape, scalars: expected.weights.map { Float($0) }),
        tolerance: 1e-3, label)
      for start in stride(from: 0, to: w.count, by: m) {
        let kept = result.mask.isKept[start..<start + m].count(where: { $0 })
        #expect(kept == n, "group at flat index \(start) keeps \(kept) (\(label))")
      }
    }
  }

  @Test(
    "The update never leaves a larger ‖WX − ŴX‖² than the same mask without it",
    arguments: RandomData.seeds)
  func updateHelps(seed: UInt64) throws {
    let (w, x) = Self.layer(seed: seed, rows: 6, inputs: 12, tokens: 30)
    for pattern in [SparsityPattern.unstructured(0.5), .unstructured(0.8), .nm(n: 2, m: 4)] {
      let result = try sparseGPT(w, hessian: try hessian(x), pattern: pattern, blockSize: 4)
      let maskedOnly = try Tensor(
        shape: w.shape,
        scalars: w.scalars.indices.map { result.mask.isKept[$0] ? w.scalars[$0] : 0 })
      let updated = Oracle.reconstruction(w, result.weights, inputs: x)
      let plain = Oracle.reconstruction(w, maskedOnly, inputs: x)
      #expect(updated <= plain, "\(pattern): with the update \(updated), mask only \(plain)")
      for flat in 0..<w.count where !result.mask.isKept[flat] {
        #expect(result.weights.scalars[flat] == 0, "pruned weight at \(flat) is not 0")
      }
    }
  }

  @Test("An error of exactly 1 moves into the next column, in the block and lazily after it")
  func unitError() throws {
    // H⁻¹ = [[4, 2], [2, 2]], so U = [[2, 1], [0, 1]]. Saliencies w² / U_jj²: column 0 has
    // 1 and 4, so W[0][0] = 2 goes, leaving an error of 2 / U₀₀ = 1, and W[0][1] becomes
    // 5 − 1 · U₀₁ = 4; column 1 then has 16 and 1, so W[1][1] goes.
    let w = try Tensor(rows: [[2, 5], [4, 1]])
    let h = try SquareMatrix(dimension: 2, scalars: [0.5, -0.5, -0.5, 1])
    for blockSize in [1, 2, 128] {
      let result = try sparseGPT(
        w, hessian: h, pattern: .unstructured(0.5), blockSize: blockSize, dampening: 0)
      expectMask(result.mask, equals: mask("·█/█·"), "block \(blockSize)")
      expectClose(
        result.weights, try Tensor(rows: [[0, 4], [4, 0]]), tolerance: 0, "block \(blockSize)")
    }
  }

  @Test("N:M ties in saliency prune the lower columns of the group")
  func nmTies() throws {
    let w = try Tensor(rows: [[1, -1, 1, 1, 2, 2, -2, 2]])
    let result = try sparseGPT(
      w, hessian: SquareMatrix(diagonal: Array(repeating: 2, count: 8)), pattern: .nm(n: 2, m: 4),
      blockSize: 8, dampening: 0)
    expectMask(result.mask, equals: mask("··██··██").isKept)
  }

  @Test(
    "A layer wider than a block: 300 columns in the default blocks of 128 and in blocks of 3",
    arguments: [128, 3])
  func wideLayer(blockSize: Int) throws {
    // H = BBᵀ + D with B random, 300 × 8: every column is correlated with every other one, so
    // an error reaches the last columns, and D (1 to 2.5) keeps H well conditioned.
    let n = 300
    let b = ReferenceAlgebra.rows(RandomData.tensor(shape: [n, 8], seed: 45))
    let h: [[Double]] = (0..<n).map { i in
      (0..<n).map { j in
        let shared = zip(b[i], b[j]).reduce(0.0) { $0 + $1.0 * $1.1 }
        return shared + (i == j ? 1 + Double(i % 7) / 4 : 0)
      }
    }
    let w = RandomData.tensor(shape: [2, n], seed: 44)
    let result =
      blockSize == 128
      ? try sparseGPT(w, hessian: Oracle.square(h), pattern: .unstructured(0.5))
      : try sparseGPT(
        w, hessian: Oracle.square(h), pattern: .unstructured(0.5), blockSize: blockSize)
    let expected = ReferenceSparseGPT.prune(w, hessian: h, fraction: 0.5, blockSize: blockSize)
    let label: Comment = "2 × 300, blocks of \(blockSize)"
    expectMask(result.mask, equals: try Mask(shape: w.shape, isKept: expected.keep), label)
    expectClose(
      result.weights, try Tensor(shape: w.shape, scalars: expected.weights.map { Float($0) }),
      tolerance: 1e-3, label)
  }

  @Test("The block's count is exact: round(rows · width · f) pruned per block of columns")
  func exactCountPerBlock() throws {
    let (w, x) = Self.layer(seed: 77, rows: 3, inputs: 10, tokens: 30)
    let result = try sparseGPT(
      w, hessian: try hessian(x), pattern: .unstructured(0.5), blockSize: 4)
    // Blocks of 4, 4, 2 columns: 12, 12, 6 weights; half to even: 6, 6, 3.
    for (start, width, pruned) in [(0, 4, 6), (4, 4, 6), (8, 2, 3)] {
      let count = (0..<3).flatMap { r in (start..<start + width).map { r * 10 + $0 } }
        .count { !result.mask.isKept[$0] }
      #expect(count == pruned, "columns \(start)..<\(start + width): pruned \(count)")
    }
  }

  @Test("A count that is not whole rounds half to even: 2.25 → 2, 2.5 → 2, 6.75 → 7 pruned")
  func fractionalCountRoundsHalfToEven() throws {
    // (rows, inputs, fraction, pruned): one block holds every column.
    for (rows, inputs, fraction, pruned) in [(3, 3, 0.25, 2), (2, 5, 0.25, 2), (3, 3, 0.75, 7)] {
      let (w, x) = Self.layer(seed: 91, rows: rows, inputs: inputs, tokens: 20)
      let h = Oracle.square(Oracle.hessian(x))
      let result = try sparseGPT(w, hessian: h, pattern: .unstructured(fraction))
      let count = result.mask.isKept.count { !$0 }
      let product = Double(rows * inputs) * fraction
      #expect(count == pruned, "\(rows)×\(inputs) at \(fraction) (\(product)): pruned \(count)")
    }
  }

  @Test("Sparsity 0 keeps W exactly; sparsity 1 gives all zeros; one column ranks across rows")
  func extremes() throws {
    let (w, x) = Self.layer(seed: 3)
    let h = try hessian(x)
    let none = try sparseGPT(w, hessian: h, pattern: .unstructured(0))
    expectClose(none.weights, w, tolerance: 0)
    #expect(none.mask.keptCount == w.count)
    let all = try sparseGPT(w, hessian: h, pattern: .unstructured(1))
    #expect(all.mask.keptCount == 0)
    #expect(all.weights.scalars.allSatisfy { $0 == 0 })
    let column = try sparseGPT(
      try Tensor(rows: [[0.5], [-0.2]]), hessian: SquareMatrix(diagonal: [3]),
      pattern: .unstructured(0.5))
    // One block of 2 weights: round(1.0) = 1 pruned, the smaller w²/d².
    expectMask(column.mask, equals: mask("█/·"))
  }

  @Test("A dead input (a zero row of X) has its weights zeroed and H[j][j] set to 1, not a failure")
  func deadInputs() throws {
    var (w, x) = Self.layer(seed: 5)
    for t in 0..<x.shape[1] {
      x[0, t] = 0
      x[2, t] = 0
    }
    let h = Oracle.hessian(x)
    let result = try sparseGPT(w, hessian: Oracle.square(h), pattern: .unstructured(0))
    let expected = ReferenceSparseGPT.prune(w, hessian: h, fraction: 0)
    for r in 0..<w.shape[0] {
      for dead in [0, 2] {
        #expect(result.weights[r, dead] == 0, "row \(r) still uses the dead input \(dead)")
      }
    }
    expectClose(
      result.weights, try Tensor(shape: w.shape, scalars: expected.weights.map { Float($0) }),
      tolerance: 1e-3)
    let noDamping = try sparseGPT(
      w, hessian: Oracle.square(h), pattern: .unstructured(0.5), dampening: 0)
    #expect(noDamping.mask.keptCount == w.count / 2)
  }

  @Test("Dampening is a fraction of mean(diag H) taken after dead inputs are set to 1")
  func dampeningAfterDeadInputs() throws {
    let w = RandomData.tensor(shape: [4, 8], seed: 31)
    // Small inputs, so the dead input's diagonal of 1 moves the mean a lot.
    var x = RandomData.tensor(shape: [8, 24], seed: 32, in: -0.1...0.1)
    for t in 0..<x.shape[1] { x[5, t] = 0 }
    let h = Oracle.hessian(x)
    let result = try sparseGPT(
      w, hessian: Oracle.square(h), pattern: .unstructured(0.5), dampening: 0.5)
    let expected = ReferenceSparseGPT.prune(w, hessian: h, fraction: 0.5, dampening: 0.5)
    expectMask(result.mask, equals: try Mask(shape: w.shape, isKept: expected.keep))
    expectClose(
      result.weights, try Tensor(shape: w.shape, scalars: expected.weights.map { Float($0) }),
      tolerance: 1e-4, "λ = 0.5 · mean(diag H) with H[5][5] = 1")
  }

  @Test("A singular H (fewer tokens than inputs) throws without dampening and works with it")
  func singularHessian() throws {
    let (w, x) = Self.layer(seed: 8, inputs: 8, tokens: 3)
    let h = try hessian(x)
    #expect(throws: PruningError.matrixNotPositiveDefinite(pivot: 4)) {
      try sparseGPT(w, hessian: h, pattern: .unstructured(0.5), dampening: 0)
    }
    let damped = try sparseGPT(w, hessian: h, pattern: .unstructured(0.5))
    let expected = ReferenceSparseGPT.prune(w, hessian: Oracle.hessian(x), fraction: 0.5)
    expectMask(damped.mask, equals: try Mask(shape: w.shape, isKept: expected.keep))
  }

  @Test("Bad input: rank, H's dimension, pattern, block size, dampening, NaN")
  func badInput() throws {
    let (w, x) = Self.layer(seed: 2)
    let h = try hessian(x)
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [40])) {
      try sparseGPT(try w.reshaped(to: [40]), hessian: h, pattern: .unstructured(0.5))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [8, 8], actual: [2, 2])) {
      try sparseGPT(w, hessian: SquareMatrix(diagonal: [1, 1]), pattern: .unstructured(0.5))
    }
    #expect(throws: PruningError.invalidNMPattern(n: 6, m: 4)) {
      try sparseGPT(w, hessian: h, pattern: .nm(n: 6, m: 4))
    }
    #expect(throws: PruningError.indivisibleGroup(length: 8, groupSize: 3)) {
      try sparseGPT(w, hessian: h, pattern: .nm(n: 1, m: 3))
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-0.1))) {
      try sparseGPT(w, hessian: h, pattern: .unstructured(-0.1))
    }
    #expect(throws: PruningError.invalidArgument("the block size must be at least 1, got 0")) {
      try sparseGPT(w, hessian: h, pattern: .unstructured(0.5), blockSize: 0)
    }
    #expect(throws: PruningError.invalidArgument("the block size 6 must be a multiple of m = 4")) {
      try sparseGPT(w, hessian: h, pattern: .nm(n: 2, m: 4), blockSize: 6)
    }
    #expect(
      throws: PruningError.invalidArgument(
        "dampening must be finite and not negative, got -0.01")
    ) {
      try sparseGPT(w, hessian: h, pattern: .unstructured(0.5), dampening: -0.01)
    }
    var bad = w
    bad[4, 7] = .nan
    #expect(throws: PruningError.nonFiniteWeight(position: [4, 7], kind: .nan)) {
      try sparseGPT(bad, hessian: h, pattern: .unstructured(0.5))
    }
  }
}
