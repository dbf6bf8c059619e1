import Broken
import MiniCore
import Testing

@Suite("Doubled")
struct DoubledTests {
  @Test("Doubling 1, 2 and 3 gives 2, 4 and 6")
  func example() throws {
    #expect(try doubled([1, 2, 3]) == [2, 4, 6])
  }
}
