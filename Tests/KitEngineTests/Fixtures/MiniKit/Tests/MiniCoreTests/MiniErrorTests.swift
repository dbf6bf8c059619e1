import MiniCore
import Testing

@Suite("MiniError")
struct MiniErrorTests {
  @Test("A stub's error says which function is not implemented yet")
  func notImplementedDescription() {
    #expect(MiniError.notImplemented("f()").description == "f() is not implemented yet")
  }
}
