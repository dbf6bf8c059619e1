import Foundation
import KitEngine
import Testing

/// A copy of the MiniKit fixture package in a temporary folder, graded by the real `swift`.
struct MiniKitWorkspace {
  let root: String
  let state: String

  init(_ name: String) throws {
    let parent = try makeTemporaryFolder(name)
    root = parent + "/MiniKit"
    state = parent + "/state"
    try FileManager.default.copyItem(atPath: Fixtures.folder + "/MiniKit", toPath: root)
  }

  /// Copies the learner's attempts (`Attempts/NN-Name/*.swift`) over the stubs.
  func overlayAttempts() throws {
    let fileManager = FileManager.default
    for folder in try fileManager.contentsOfDirectory(atPath: "\(root)/Attempts") {
      for file in try fileManager.contentsOfDirectory(atPath: "\(root)/Attempts/\(folder)") {
        let target = "\(root)/Exercises/\(folder)/\(file)"
        try fileManager.removeItem(atPath: target)
        try fileManager.copyItem(atPath: "\(root)/Attempts/\(folder)/\(file)", toPath: target)
      }
    }
  }

  func run(_ arguments: [String]) -> (status: Int32, output: String) {
    let console = RecordingConsole()
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_STATE_HOME"] = state
    let app = KitApp(
      console: console, environment: environment, currentDirectory: root, displayName: "kit")
    let status = app.run(arguments)
    return (status, console.output)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
  }
}

@Suite("The kit on a fixture package, end to end", .serialized, .timeLimit(.minutes(20)))
struct EndToEndTests {
  @Test(
    "Status grades each exercise on its own: passed, failing, crashed, timed out, broken, not started"
  )
  func status() throws {
    let workspace = try MiniKitWorkspace("status")
    defer { workspace.remove() }
    try workspace.overlayAttempts()

    let (status, output) = workspace.run(["status", "--timeout", "10"])
    #expect(status == 0)
    let rows = output.split(separator: "\n").map(String.init)
    try #require(rows.count >= 6, "the board: \(output)")
    #expect(
      rows[0].contains("01 Passing") && rows[0].contains("passed") && rows[0].hasSuffix("2/2"))
    #expect(
      rows[1].contains("02 Failing") && rows[1].contains("in progress") && rows[1].hasSuffix("1/2"))
    #expect(
      rows[2].hasSuffix(
        "03 Crashing   crashed in \"A single value has no second\" (Tests/CrashingTests/SecondTests.swift:12): "
          + "Index out of range at Exercises/03-Crashing/Second.swift:9 "
          + "— 1/2 passed before it stopped"))
    #expect(rows[3].contains("04 Hanging    timed out after 10 s in "))
    #expect(rows[3].hasSuffix(" — 1/2 passed before it stopped"))
    #expect(
      rows[4].hasSuffix(
        "05 Broken     does not compile: cannot find 'factor' in scope at "
          + "Exercises/05-Broken/Doubled.swift:9"))
    #expect(
      rows[5].contains("06 Untouched") && rows[5].contains("not started")
        && rows[5].hasSuffix("0/2"))
    // 11: the broken exercise's declared check counts too; the total never shrinks.
    #expect(output.contains("5/11 checks · 1 of 6 exercises passed"))
    #expect(
      output.contains("Next: 02 Failing — edit Exercises/02-Failing/…, then `kit check failing`"))

    let (checkStatus, check) = workspace.run(["check", "3", "--timeout", "10"])
    #expect(checkStatus == 1)
    #expect(check.contains("Running when it crashed:"))
    #expect(check.contains("\"A single value has no second\""))
  }

  @Test("Verify proves every grading test on the pristine stubs and finds each kind of problem")
  func verify() throws {
    let workspace = try MiniKitWorkspace("verify")
    defer { workspace.remove() }

    let (status, output) = workspace.run(["verify", "--timeout", "10"])
    #expect(status == 0, "\(output)")
    #expect(
      output.contains("  01 Passing: 2 checks proven (pass on the reference, fail on the stub)"))
    #expect(output.contains("  kit's own tests: 1 of 1 pass with the stubs (MiniCoreTests 1)"))
    #expect(output.hasSuffix("kit-verify: 11 passed, 0 failed\n"))

    try workspace.overlayAttempts()
    let (broken, report) = workspace.run(["verify", "--timeout", "10"])
    #expect(broken == 1)
    #expect(report.contains("01 Passing: passes on the untouched stub (grades nothing)"))
    #expect(
      report.contains(
        "02 Failing: passes on the untouched stub (grades nothing): \"An empty list throws emptyInput\""
      ))
    #expect(
      report.contains(
        "03 Crashing: on the stubs, the test process crashed or did not report its end (Index out of range at Exercises/03-Crashing/Second.swift:9)"
      ))
    #expect(report.contains("04 Hanging: on the stubs, the tests ran over 10 s"))
    #expect(report.contains("06 Untouched: 2 checks proven"))
    #expect(
      report.contains(
        "05 Broken: the stubs do not compile: cannot find 'factor' in scope at Exercises/05-Broken/Doubled.swift:9"
      ))
    #expect(
      report.contains(
        "problem: Exercises/02-Failing/Largest.swift:8: largest neither throws .notImplemented "
          + "nor matches the reference"))
    #expect(report.hasSuffix("kit-verify: 3 passed, 14 failed\n"), "\(report)")
  }
}
