import MiniCore
import Passing
import Testing

@Suite("Total")
struct TotalTests {
  @Test("The total of 1, 2 and 3 is 6")
  func example() throws {
    #expect(try total([1, 2, 3]) == 6)
  }

  @Test("The total of n copies of a value is n times the value", arguments: [1, 2, 5])
  func repeated(count: Int) throws {
    #expect(try total(Array(repeating: 7, count: count)) == 7 * count)
  }
}
