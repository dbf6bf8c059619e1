import PruningCore
import PruningTestSupport
import Testing

@Suite("SquareMatrix: Cholesky, inverse, upper Cholesky of the inverse")
struct SquareMatrixTests {
  /// `AAᵀ + shift·I` for a seeded random `A`: symmetric positive definite.
  static func spd(_ n: Int, seed: UInt64, shift: Double = 0.1) -> SquareMatrix {
    var generator = SplitMix64(seed: seed)
    let a = (0..<n * n).map { _ in generator.nextUnitDouble() * 2 - 1 }
    var scalars = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        var sum = i == j ? shift : 0
        for k in 0..<n { sum += a[i * n + k] * a[j * n + k] }
        scalars[i * n + j] = sum
      }
    }
    return (try? SquareMatrix(dimension: n, scalars: scalars)) ?? SquareMatrix(diagonal: [])
  }

  /// `Aᵀ` if `transposeLeft`, times `B`.
  static func product(_ a: SquareMatrix, _ b: SquareMatrix, transposeLeft: Bool = false) -> [Double]
  {
    let n = a.dimension
    var result = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        var sum = 0.0
        for k in 0..<n { sum += (transposeLeft ? a[k, i] : a[i, k]) * b[k, j] }
        result[i * n + j] = sum
      }
    }
    return result
  }

  static func largestDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
  }

  @Test("Worked example: [[4, 2], [2, 3]] = LLᵀ with L = [[2, 0], [1, √2]]")
  func workedExample() throws {
    let a = try SquareMatrix(dimension: 2, scalars: [4, 2, 2, 3])
    let l = try a.cholesky()
    expectClose(l.scalars.map { Float($0) }, [2, 0, 1, Float(2).squareRoot()])
    let inverse = try a.inverse()
    expectClose(inverse.scalars.map { Float($0) }, [0.375, -0.25, -0.25, 0.5])
    let u = try a.inverseUpperCholesky()
    #expect(u[1, 0] == 0)
    let uTu = Self.product(u, u, transposeLeft: true)
    expectClose(uTu.map { Float($0) }, [0.375, -0.25, -0.25, 0.5])
  }

  @Test(
    "Random SPD matrices: LLᵀ = A, A·A⁻¹ = I, UᵀU = A⁻¹ with U upper and a positive diagonal",
    arguments: [(UInt64(1), 1), (2, 5), (3, 17), (4, 40)])
  func randomFactorisations(seed: UInt64, n: Int) throws {
    let a = Self.spd(n, seed: seed)
    let l = try a.cholesky()
    var lt = l
    for i in 0..<n { for j in 0..<n { lt[i, j] = l[j, i] } }
    let llt = Self.product(l, lt)
    #expect(Self.largestDifference(llt, a.scalars) < 1e-9, "LLᵀ − A")
    #expect((0..<n).allSatisfy { i in l[i, i] > 0 && (i + 1..<n).allSatisfy { l[i, $0] == 0 } })
    let inverse = try a.inverse()
    let identity = SquareMatrix(diagonal: Array(repeating: 1, count: n)).scalars
    #expect(Self.largestDifference(Self.product(a, inverse), identity) < 1e-8, "A·A⁻¹ − I")
    let u = try a.inverseUpperCholesky()
    #expect((0..<n).allSatisfy { i in u[i, i] > 0 && (0..<i).allSatisfy { u[i, $0] == 0 } })
    let uTu = Self.product(u, u, transposeLeft: true)
    #expect(Self.largestDifference(uTu, inverse.scalars) < 1e-8, "UᵀU − A⁻¹")
  }

  @Test("Singular or indefinite matrices throw the first failing pivot, in A's column order")
  func notPositiveDefinite() throws {
    let singular = try SquareMatrix(dimension: 3, scalars: [1, 1, 0, 1, 1, 0, 0, 0, 2])
    #expect(throws: PruningError.matrixNotPositiveDefinite(pivot: 1)) { try singular.cholesky() }
    #expect(throws: PruningError.matrixNotPositiveDefinite(pivot: 1)) { try singular.inverse() }
    // Factored from the last column backwards, the first failure is column 0.
    #expect(throws: PruningError.matrixNotPositiveDefinite(pivot: 0)) {
      try singular.inverseUpperCholesky()
    }
    let nan = try SquareMatrix(dimension: 1, scalars: [.nan])
    #expect(throws: PruningError.matrixNotPositiveDefinite(pivot: 0)) { try nan.cholesky() }
    let shifted = singular.addingToDiagonal(0.5)
    #expect(shifted.diagonal == [1.5, 1.5, 2.5])
    _ = try shifted.cholesky()
  }

  @Test("A shape that is not square throws invalidShape")
  func badShape() {
    #expect(throws: PruningError.invalidShape(shape: [2, 2], scalarCount: 3)) {
      try SquareMatrix(dimension: 2, scalars: [1, 2, 3])
    }
  }
}
