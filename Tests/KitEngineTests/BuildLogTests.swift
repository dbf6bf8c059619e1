import KitEngine
import Testing

@Suite("Reading compile errors from build output")
struct BuildLogTests {
  @Test("A located error keeps its file, line, message and the excerpt under it")
  func locatedError() throws {
    let errors = BuildLog.errors(in: try Fixtures.recorded("Broken-build.txt"))
    let error = try #require(errors.first)
    #expect(errors.count == 1)
    #expect(error.location.path == "\(Fixtures.recordedRoot)/Exercises/05-Broken/Doubled.swift")
    #expect(error.location.line == 9)
    #expect(error.location.column == 21)
    #expect(error.message == "cannot find 'factor' in scope")
    #expect(error.excerpt.contains { $0.contains("values.map { $0 * factor }") })
  }

  @Test("Repeated errors are reported once, warnings and notes are left out")
  func repeatsAndWarnings() {
    let output = """
      [1/4] Compiling A a.swift
      /p/a.swift:3:1: warning: unused value
      /p/a.swift:5:2: error: missing return
      /p/a.swift:5:2: note: did you mean this?
      [2/4] Compiling A a.swift
      /p/a.swift:5:2: error: missing return
      /p/b.swift:1:1: error: expected declaration
      """
    let errors = BuildLog.errors(in: output)
    #expect(errors.map(\.location.text) == ["/p/a.swift:5", "/p/b.swift:1"])
    #expect(errors.map(\.message) == ["missing return", "expected declaration"])
  }

  @Test("An error without a place, such as a manifest error, is found as a general error")
  func generalError() {
    let output = "Building…\nerror: 'main': invalid custom path 'Exercises/06-X' for target 'X'\n"
    #expect(BuildLog.errors(in: output).isEmpty)
    #expect(
      BuildLog.firstGeneralError(in: output)
        == "'main': invalid custom path 'Exercises/06-X' for target 'X'")
  }
}
