import Foundation
import KitEngine
import Testing

@Suite("The maintainer's verify")
struct VerifierTests {
  typealias Test = StreamBuilder.Test
  let root = Fixtures.folder + "/MiniKit"

  /// A runner whose test runs report `tests(target, solutions)` for each target.
  func runner(
    crashingStub: String? = nil,
    _ tests: @escaping @Sendable (String, Bool) -> [Test]
  ) -> ScriptedRunner {
    ScriptedRunner { command in
      guard command.arguments.first == "test" else { return CommandResult(status: 0) }
      let solutions = command.environment["KIT_SOLUTIONS"] == .some("1")
      let filter = command.value(after: "--filter") ?? ""
      let path = command.value(after: "--event-stream-output-path") ?? "/dev/null"
      var stream = ""
      let targets =
        filter.hasPrefix("^(")
        ? ["MiniCoreTests"] : [String(filter.dropFirst().prefix { $0 != "\\" })]
      for target in targets {
        let crashes = !solutions && target == crashingStub
        stream += StreamBuilder.stream(
          target: target, tests: tests(target, solutions), ended: !crashes)
      }
      try? stream.write(toFile: path, atomically: true, encoding: .utf8)
      return CommandResult(status: 0)
    }
  }

  func verify(_ runner: ScriptedRunner) throws -> VerifyReport {
    let scratch = try makeTemporaryFolder("verify")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    return Verifier(
      catalogue: Fixtures.miniCatalogue(root: root), runner: runner,
      stubSettings: GradingSettings(scratchPath: scratch + "/stubs"),
      solutionSettings: GradingSettings(scratchPath: scratch + "/solutions")
    ).verify()
  }

  @Test("Every grading test passing on the reference and failing on the stub is one proven check")
  func allProven() throws {
    let runner = runner { target, solutions in
      if target == "MiniCoreTests" { return [Test(name: "own")] }
      return [
        Test(name: "a", failure: solutions ? nil : "a is not implemented yet"),
        Test(name: "b", failure: solutions ? nil : "no"),
      ]
    }
    let report = try verify(runner)
    #expect(report.problems == [])
    #expect(report.proven == 12)
    #expect(report.summary == "kit-verify: 12 passed, 0 failed")
    #expect(report.lines.first == "  inventory: the files agree")
    #expect(
      report.lines.dropFirst().first
        == "  01 Passing: 2 checks proven (pass on the reference, fail on the stub)")
    #expect(
      report.lines.contains("  kit's own tests: 1 of 1 pass with the stubs (MiniCoreTests 1)"))
    let builds = runner.commands.filter { $0.arguments.first == "build" }
    let stubBuild = builds.first { $0.environment["KIT_SOLUTIONS"] == .some(nil) }
    let referenceBuild = builds.first { $0.environment["KIT_SOLUTIONS"] == .some("1") }
    #expect(
      stubBuild?.arguments.contains("--build-tests") == true, "the own tests may run executables")
    #expect(referenceBuild?.value(after: "--product") == "MiniKitPackageTests")
    #expect(
      referenceBuild?.value(after: "--scratch-path") != stubBuild?.value(after: "--scratch-path"))
  }

  @Test("A test passing on the stub, one failing on the reference and a crashing stub are problems")
  func problems() throws {
    let report = try verify(
      runner(crashingStub: "HangingTests") { target, solutions in
        switch target {
        case "MiniCoreTests": return [Test(name: "own", failure: "broken")]
        case "PassingTests": return [Test(name: "a")]
        case "FailingTests": return [Test(name: "a", failure: "wrong")]
        default: return [Test(name: "a", failure: solutions ? nil : "stub")]
        }
      })
    #expect(report.proven == 3)
    #expect(report.problems.count == 5)
    #expect(
      report.problems.contains {
        $0.hasPrefix("01 Passing: passes on the untouched stub (grades nothing): \"a\"")
      })
    #expect(report.problems.contains { $0.hasPrefix("02 Failing: fails on the reference: \"a\"") })
    #expect(
      report.problems.contains {
        $0.hasPrefix("04 Hanging: on the stubs, the test process crashed")
      })
    #expect(
      report.problems.contains { $0.hasPrefix("kit's own test fails with the stubs: \"own\"") })
    #expect(report.summary == "kit-verify: 3 passed, 5 failed")
  }

  @Test("A run of no tests proves nothing and is a problem")
  func noTests() throws {
    let report = try verify(runner { _, _ in [] })
    #expect(report.proven == 0)
    #expect(report.problems.filter { $0.contains("the filter matched no tests") }.count == 12)
  }
}
