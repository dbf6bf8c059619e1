import KitEngine
import Testing

@Suite("The check report")
struct CheckReportTests {
  let catalogue = Fixtures.miniCatalogue()

  func report(_ file: String, exercise: Int, result: CommandResult = CommandResult(status: 1))
    throws -> String
  {
    let grade = Grade.classify(
      exercise: catalogue.exercises[exercise], run: EventStream.parse(try Fixtures.recorded(file)),
      result: result, timeout: 5, crashFolders: [])
    return CheckReport(catalogue: catalogue, grade: grade, style: .plain, command: "kit").render()
  }

  @Test("A failing check is shown in full: name, expectation with actual value, comment, place")
  func failing() throws {
    let text = try report("Failing.jsonl", exercise: 1)
    #expect(text.hasPrefix("02 Failing: in progress, 1 of 2 checks pass"))
    #expect(text.contains("FAIL \"The largest of 3, 9 and 4 is 9\""))
    #expect(text.contains("Expectation failed: (result → 3) == 9"))
    #expect(text.contains("the largest value, wherever it is"))
    #expect(text.contains("Stuck? `kit hint failing` shows the next hint."))
    #expect(!text.contains("An empty list throws emptyInput"))
  }

  @Test("A check that reaches a stub waits for it, even with a second issue that follows from it")
  func secondIssue() {
    let test = TestRecord(
      id: "a", displayName: "a", status: .failed,
      issues: [
        TestIssue(message: "expected error x, but \"f(_:) is not implemented yet\" was thrown"),
        TestIssue(message: "Expectation failed: (runs → 0) == 3"),
      ])
    #expect(test.waitsForStub)
    #expect(
      !TestRecord(id: "b", displayName: "b", status: .failed, issues: [TestIssue(message: "no")])
        .waitsForStub)
  }

  @Test("Checks waiting for a stub are listed under the functions still to write")
  func notStarted() throws {
    let text = try report("Untouched.jsonl", exercise: 5)
    #expect(text.contains("NOT STARTED 2 checks wait for: negated(_:)"))
    #expect(!text.contains("FAIL"))
  }

  @Test("Checks waiting for several stubs are counted per function; names only when few")
  func notStartedGroups() {
    func stub(_ name: String, _ function: String) -> TestRecord {
      TestRecord(
        id: name, displayName: name, status: .failed,
        issues: [TestIssue(message: "Caught error: \(function) is not implemented yet")])
    }
    let stubs =
      (1...5).map { stub("f\($0)", "first(_:)") } + (1...3).map { stub("s\($0)", "second(x:y:)") }
      + [stub("t", "Type.third()")]
    let groups = CheckReport.stubsByFunction(stubs)
    #expect(groups.map(\.function) == ["first(_:)", "second(x:y:)", "Type.third()"])
    #expect(groups.map(\.count) == [5, 3, 1])
    let grade = Grade(
      exercise: catalogue.exercises[5], status: .notStarted,
      run: TestRun(tests: stubs, started: true, ended: true))
    var report = CheckReport(catalogue: catalogue, grade: grade, style: .plain, command: "kit")
    let lines = report.render().split(separator: "\n").map(String.init)
    #expect(lines.contains("  NOT STARTED 9 checks wait for 3 functions:"))
    #expect(lines.contains("    first(_:)     5 checks"))
    #expect(lines.contains("    Type.third()  1 check"))
    #expect(!lines.contains { $0.hasSuffix("f1") }, "9 checks are more than 6: no names")
    report.maximumListedStubs = 9
    #expect(report.render().split(separator: "\n").contains { $0.hasSuffix("f1") })
  }

  @Test("A crash names the test that was running and how to see the whole output")
  func crashed() throws {
    let output = try Fixtures.recorded("Crashing-output.txt")
    let text = try report(
      "Crashing.jsonl", exercise: 2, result: CommandResult(status: 1, standardOutput: output))
    #expect(text.contains("crashed in \"A single value has no second\""))
    #expect(text.contains(": Index out of range — 1/2 passed before it stopped"))
    #expect(text.contains("Running when it crashed:"))
    #expect(text.contains("\"A single value has no second\""))
    #expect(text.contains(#"KIT_ONLY=Crashing swift test --filter '^CrashingTests\.'"#))
  }

  @Test("A pass points to the reference solution")
  func passed() throws {
    let text = try report("Passing.jsonl", exercise: 0, result: CommandResult(status: 0))
    #expect(text.contains("All 2 checks pass. Compare with the reference: `kit solution passing`."))
  }

  @Test("The functions named by 'is not implemented yet' are collected once each, in order")
  func functionNames() {
    let tests = [
      TestRecord(
        id: "a", displayName: "a", status: .failed,
        issues: [TestIssue(message: "Caught error: f(_:) is not implemented yet")]),
      TestRecord(
        id: "b", displayName: "b", status: .failed,
        issues: [
          TestIssue(message: "Expectation failed", details: ["g(x:) is not implemented yet"]),
          TestIssue(message: "Caught error: f(_:) is not implemented yet"),
          TestIssue(message: "(r → Optional(T.h(_:y:) is not implemented yet))"),
        ]),
    ]
    #expect(CheckReport.notImplementedFunctions(in: tests) == ["f(_:)", "g(x:)", "T.h(_:y:)"])
  }
}
