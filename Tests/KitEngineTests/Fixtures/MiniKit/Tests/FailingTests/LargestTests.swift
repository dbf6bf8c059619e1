import Failing
import MiniCore
import Testing

@Suite("Largest")
struct LargestTests {
  @Test("The largest of 3, 9 and 4 is 9")
  func example() throws {
    let result = try largest([3, 9, 4])
    #expect(result == 9, "the largest value, wherever it is")
  }

  @Test("An empty list throws emptyInput")
  func empty() {
    #expect(throws: MiniError.emptyInput) { try largest([]) }
  }
}
