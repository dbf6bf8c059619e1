import Crashing
import MiniCore
import Testing

@Suite("Second", .serialized)
struct SecondTests {
  @Test("The second of 4, 5 and 6 is 5")
  func example() throws {
    #expect(try second([4, 5, 6]) == 5)
  }

  @Test("A single value has no second")
  func single() throws {
    #expect(try second([7]) == nil)
  }
}
