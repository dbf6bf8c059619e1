import KitEngine
import Testing

@Suite("Reading a crash from a test process's output")
struct CrashReportTests {
  @Test("An index out of range is reported with the learner's line, not the standard library's")
  func indexOutOfRange() throws {
    let output = try Fixtures.recorded("Crashing-output.txt")
    let exercise = "\(Fixtures.recordedRoot)/Exercises/03-Crashing"
    let report = try #require(
      CrashReport.parse(output, preferredFolders: [exercise, Fixtures.recordedRoot]))
    #expect(report.message == "Index out of range")
    #expect(
      report.location == SourceLocation(path: "\(exercise)/Second.swift", line: 9, column: 21))
  }

  @Test("Without a frame in the exercise, the first frame under the next folder is used")
  func fallbackFolder() throws {
    let output = try Fixtures.recorded("Crashing-output.txt")
    let report = try #require(
      CrashReport.parse(
        output, preferredFolders: ["/elsewhere", "\(Fixtures.recordedRoot)/Tests"]))
    #expect(report.location?.path.hasSuffix("Tests/CrashingTests/SecondTests.swift") == true)
    #expect(report.location?.line == 14)
  }

  @Test("A force unwrap, a runtime failure frame and a bare signal each give a message")
  func otherTraps() {
    let unwrap =
      "Crashing/Second.swift:9: Fatal error: Unexpectedly found nil while unwrapping an Optional value"
    #expect(
      CrashReport.parse(unwrap, preferredFolders: [])?.message
        == "Unexpectedly found nil while unwrapping an Optional value")
    let overflow = """
      *** Program crashed: Illegal instruction at 0x0000 ***
      Thread 1 crashed:
        0 [inlined] 0x01 Swift runtime failure: arithmetic overflow in T.xctest at /p/Exercises/01-A/F.swift:4:9
        1           0x01 f() + 4 in T.xctest at /p/Exercises/01-A/F.swift:4:9
      """
    let report = CrashReport.parse(overflow, preferredFolders: ["/p/Exercises/01-A"])
    #expect(report?.message == "arithmetic overflow")
    #expect(report?.location?.text == "/p/Exercises/01-A/F.swift:4")
    let signal = "error: Process 'x.xctest' exited with unexpected signal code 11"
    #expect(
      CrashReport.parse(signal, preferredFolders: [])?.message == "segmentation fault (signal 11)")
  }

  @Test("Output without a crash gives no report")
  func noCrash() {
    #expect(CrashReport.parse("✔ Test run with 2 tests passed.", preferredFolders: []) == nil)
  }
}
