import Hanging
import MiniCore
import Testing

@Suite("Halvings", .serialized)
struct HalvingsTests {
  @Test("Eight halves three times")
  func example() throws {
    #expect(try halvings(8) == 3)
  }

  @Test("Zero is rejected")
  func zero() {
    #expect(throws: MiniError.emptyInput) { try halvings(0) }
  }
}
