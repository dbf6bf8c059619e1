import BenchKit
import Testing

@Suite("Baselines")
struct BaselinesTests {
  @Test("A plain copy has the same elements", arguments: [0, 1, 17, 1_000])
  func plainCopy(count: Int) {
    let values = (0..<count).map { Float($0) * 0.5 - 3 }
    #expect(Baselines.plainCopy(values) == values)
  }

  @Test("The full sort returns the magnitudes in ascending order")
  func sortedMagnitudes() {
    #expect(Baselines.sortedMagnitudes([0.3, -2, 0, -0.1, 1]) == [0, 0.1, 0.3, 1, 2])
    #expect(Baselines.sortedMagnitudes([]) == [])
  }

  @Test(
    "The dense mat-vec equals a naive product, for any number of rows and columns",
    arguments: [(1, 1), (3, 5), (4, 16), (7, 33), (2, 100), (9, 40), (0, 4), (3, 0)])
  func denseMatVec(rows: Int, columns: Int) {
    // Small integers: every product and sum is exact in Float, so the results must be equal.
    let matrix = (0..<rows * columns).map { Float(($0 * 7) % 11) - 5 }
    let vector = (0..<columns).map { Float(($0 * 3) % 5) - 2 }
    var expected = [Float](repeating: 0, count: rows)
    for i in 0..<rows {
      for j in 0..<columns {
        expected[i] += matrix[i * columns + j] * vector[j]
      }
    }
    #expect(Baselines.denseMatVec(matrix, rows: rows, columns: columns, vector) == expected)
  }
}
