import KitEngine
import Testing

@Suite("Classifying an exercise from its test run")
struct GradeTests {
  let exercise = Exercise(number: "01", name: "Passing")

  func classify(_ file: String, result: CommandResult = CommandResult(status: 0)) throws -> Grade {
    Grade.classify(
      exercise: exercise, run: EventStream.parse(try Fixtures.recorded(file)), result: result,
      timeout: 60, crashFolders: ["\(Fixtures.recordedRoot)/Exercises/03-Crashing"])
  }

  @Test("All checks passing is passed")
  func passed() throws {
    let grade = try classify("Passing.jsonl")
    #expect(grade.status == .passed)
    #expect(grade.isPassed)
    #expect(grade.checkCount == 2)
  }

  @Test("Some checks failing on a wrong answer is in progress")
  func inProgress() throws {
    #expect(try classify("Failing.jsonl").status == .inProgress)
  }

  @Test("Every failure saying 'is not implemented yet' and no pass is not started")
  func notStarted() throws {
    #expect(try classify("Untouched.jsonl").status == .notStarted)
  }

  @Test("A run without its end is a crash, with the trap message and place from the output")
  func crashed() throws {
    let output = try Fixtures.recorded("Crashing-output.txt")
    let grade = try classify(
      "Crashing.jsonl", result: CommandResult(status: 1, standardOutput: output))
    guard case .crashed(let report) = grade.status else {
      Issue.record("expected a crash, got \(grade.status)")
      return
    }
    #expect(report.message == "Index out of range")
    #expect(report.location?.line == 9)
    #expect(grade.passedCount == 1 && grade.checkCount == 2)
  }

  @Test("A process stopped at its time limit is timed out, whatever the stream says")
  func timedOut() throws {
    let grade = try classify("Hanging.jsonl", result: CommandResult(status: 2, timedOut: true))
    #expect(grade.status == .timedOut(seconds: 60))
    #expect(grade.passedCount == 1)
  }

  @Test("A filter that matches no test is an error, never a pass")
  func noTests() throws {
    #expect(try classify("NoTests.jsonl").status == .noTests)
  }

  @Test("A process that reported nothing at all could not run, with SwiftPM's error")
  func couldNotRun() {
    let grade = Grade.classify(
      exercise: exercise, run: TestRun(),
      result: CommandResult(status: 1, standardError: "error: no tests found; create a target"),
      timeout: 60, crashFolders: [])
    #expect(grade.status == .couldNotRun("no tests found; create a target"))
    #expect(grade.checkCount == nil)
  }
}
