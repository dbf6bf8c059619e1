import MiniCore
import Testing
import Untouched

@Suite("Negated")
struct NegatedTests {
  @Test("Negating 1, -2 and 0 gives -1, 2 and 0")
  func example() throws {
    #expect(try negated([1, -2, 0]) == [-1, 2, 0])
  }

  @Test("Negating twice gives the values back", arguments: [[5], [3, -4]])
  func twice(values: [Int]) throws {
    #expect(try negated(negated(values)) == values)
  }
}
