import Foundation
import KitEngine
import Testing

@Suite("Grading each exercise in its own process")
struct GraderTests {
  let root = Fixtures.folder + "/MiniKit"

  /// A runner that fails any build including Broken and answers each test run with the
  /// recorded stream of its exercise.
  func runner() -> ScriptedRunner {
    let root = self.root
    return ScriptedRunner { command in
      let only = (command.environment["KIT_ONLY"] ?? nil) ?? ""
      if command.arguments.first == "build" {
        guard only.split(separator: ",").contains("Broken") else { return CommandResult(status: 0) }
        let output = (try? Fixtures.recorded("Broken-build.txt")) ?? ""
        return CommandResult(
          status: 1,
          standardOutput: output.replacingOccurrences(of: Fixtures.recordedRoot, with: root))
      }
      guard let filter = command.value(after: "--filter"),
        let path = command.value(after: "--event-stream-output-path")
      else { return CommandResult(status: 64) }
      let name = filter.dropFirst().prefix { $0 != "T" }
      try? Fixtures.recorded("\(name).jsonl").write(toFile: path, atomically: true, encoding: .utf8)
      switch name {
      case "Crashing":
        let output = (try? Fixtures.recorded("Crashing-output.txt")) ?? ""
        return CommandResult(
          status: 1,
          standardOutput: output.replacingOccurrences(of: Fixtures.recordedRoot, with: root))
      case "Hanging":
        return CommandResult(status: 130, timedOut: true)
      default:
        return CommandResult(status: name == "Passing" ? 0 : 1)
      }
    }
  }

  func settings(_ scratch: String) -> GradingSettings {
    GradingSettings(scratchPath: scratch, testTimeout: 7)
  }

  @Test("A compile error leaves only that exercise out; the others are each graded on their own")
  func isolation() throws {
    let scratch = try makeTemporaryFolder("grader")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let runner = runner()
    let catalogue = Fixtures.miniCatalogue(root: root)
    let grades = Grader(catalogue: catalogue, runner: runner, settings: settings(scratch))
      .grade(catalogue.exercises)

    #expect(grades.map(\.exercise.name) == catalogue.exercises.map(\.name))
    #expect(grades[0].status == .passed)
    #expect(grades[1].status == .inProgress)
    guard case .crashed(let crash) = grades[2].status else {
      Issue.record("03 should have crashed: \(grades[2].status)")
      return
    }
    #expect(crash.message == "Index out of range")
    #expect(crash.location?.text == "Exercises/03-Crashing/Second.swift:9")
    #expect(grades[3].status == .timedOut(seconds: 7))
    guard case .doesNotCompile(let error, let message) = grades[4].status else {
      Issue.record("05 should not compile: \(grades[4].status)")
      return
    }
    #expect(error?.message == "cannot find 'factor' in scope")
    #expect(message == "cannot find 'factor' in scope at Exercises/05-Broken/Doubled.swift:9")
    #expect(grades[5].status == .notStarted)
  }

  @Test("Builds and runs pass the exercise set, the filter, the pinned stream version and limits")
  func commands() throws {
    let scratch = try makeTemporaryFolder("grader")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let runner = runner()
    let catalogue = Fixtures.miniCatalogue(root: root)
    _ = Grader(catalogue: catalogue, runner: runner, settings: settings(scratch))
      .grade(catalogue.exercises)
    let builds = runner.commands.filter { $0.arguments.first == "build" }
    let tests = runner.commands.filter { $0.arguments.first == "test" }
    let all = "Passing,Failing,Crashing,Hanging,Broken,Untouched"
    #expect(
      builds.map { $0.environment["KIT_ONLY"] ?? nil } == [
        all, all.replacingOccurrences(of: "Broken,", with: ""),
      ])
    #expect(builds.allSatisfy { $0.value(after: "--product") == "MiniKitPackageTests" })
    #expect(builds.allSatisfy { $0.value(after: "--scratch-path") == scratch })
    // A build gets the exercise set and the mode, nothing of the test run's own variables.
    #expect(
      builds.allSatisfy {
        Set($0.environment.keys) == ["KIT_ONLY", "KIT_SOLUTIONS", "KIT_MAINTAINER"]
      })
    #expect(
      tests.map { $0.value(after: "--filter") } == [
        #"^PassingTests\."#, #"^FailingTests\."#, #"^CrashingTests\."#, #"^HangingTests\."#,
        #"^UntouchedTests\."#,
      ])
    for test in tests {
      #expect(test.arguments.contains("--skip-build"))
      #expect(test.arguments.contains("--no-parallel"))
      #expect(test.value(after: "--event-stream-version") == "6.3")
      #expect(test.timeout == 7)
      #expect(
        test.environment["KIT_ONLY"]
          == .some(.some(all.replacingOccurrences(of: "Broken,", with: ""))))
      #expect(test.environment["KIT_SOLUTIONS"] == .some(nil))
      #expect((test.environment["SWIFT_BACKTRACE"] ?? nil)?.hasPrefix("enable=yes") == true)
    }
  }

  @Test("The whole graph is built in the shared folder with the learner's environment unchanged")
  func sharedBuildEnvironment() throws {
    let runner = ScriptedRunner { _ in CommandResult(status: 0) }
    let catalogue = Fixtures.miniCatalogue(root: root)
    var settings = settings("/tmp/unused")
    settings.sharedScratchPath = ".build"
    let grader = Grader(catalogue: catalogue, runner: runner, settings: settings)
    let outcome = grader.build(catalogue.exercises)
    #expect(outcome.isWholeGraph && outcome.scratchPath == ".build")
    let build = try #require(runner.commands.first)
    #expect(build.value(after: "--scratch-path") == ".build")
    // Only removals of the kit's own variables, which a learner's shell does not set: SwiftPM
    // sees the environment of the learner's own `swift build` and does not plan again.
    #expect(build.environment.values.allSatisfy { $0 == nil })
    #expect(build.environment.keys.allSatisfy { $0.hasPrefix("KIT_") })
    let test = grader.environment(for: catalogue.exercises, wholeGraph: true)
    #expect(test["NO_COLOR"] == .some("1"))
    #expect(test["SWT_EXPERIMENTAL_EVENT_STREAM_FIELDS_ENABLED"] == .some("1"))
    #expect(test["KIT_ONLY"] == .some(nil))
  }

  @Test("A build error outside every exercise fails the build once and runs no tests")
  func sharedCodeBroken() throws {
    let root = self.root
    let runner = ScriptedRunner { _ in
      CommandResult(
        status: 1, standardOutput: "\(root)/Sources/MiniCore/MiniError.swift:3:1: error: oops\n")
    }
    let catalogue = Fixtures.miniCatalogue(root: root)
    let grades = Grader(catalogue: catalogue, runner: runner, settings: settings("/tmp/unused"))
      .grade(catalogue.exercises)
    #expect(
      grades.allSatisfy { $0.status == .buildFailed("Sources/MiniCore/MiniError.swift:3: oops") })
    #expect(runner.commands.count == 1)
  }

  @Test("The solutions mode sets KIT_SOLUTIONS=1 for every call and reads the Solutions folders")
  func solutionsMode() throws {
    let runner = ScriptedRunner { _ in CommandResult(status: 0) }
    let catalogue = Fixtures.miniCatalogue(root: root)
    var settings = settings("/tmp/unused")
    settings.usesSolutions = true
    let grader = Grader(catalogue: catalogue, runner: runner, settings: settings)
    #expect(grader.presentExercises.count == 6)
    #expect(grader.environment(for: [])["KIT_SOLUTIONS"] == .some("1"))
    #expect(grader.environment(for: [])["KIT_ONLY"] == .some("none"))
    let outcome = grader.build(grader.presentExercises)
    #expect(outcome.failure == nil && outcome.broken.isEmpty)
    #expect(runner.commands.allSatisfy { $0.environment["KIT_SOLUTIONS"] == .some("1") })
  }

  @Test("An exercise whose folder does not exist is not available and not built")
  func unavailable() throws {
    let runner = ScriptedRunner { _ in CommandResult(status: 0) }
    var catalogue = Fixtures.miniCatalogue(root: root)
    let missing = Exercise(number: "07", name: "Missing")
    catalogue.exercises.append(missing)
    let grades = Grader(catalogue: catalogue, runner: runner, settings: settings("/tmp/unused"))
      .grade([missing])
    #expect(grades.map(\.status) == [.unavailable])
    let only = (runner.commands.first?.environment["KIT_ONLY"] ?? nil) ?? ""
    #expect(!only.contains("Missing"))
  }

  @Test("Tests run from the built bundle itself, with the arguments swift test would pass it")
  func bundle() throws {
    let scratch = try makeTemporaryFolder("bundle")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let bundle = try makeStandInBundle(in: scratch)
    let runner = runner()
    let catalogue = Fixtures.miniCatalogue(root: root)
    let grader = Grader(catalogue: catalogue, runner: runner, settings: settings(scratch))
    let grades = grader.grade(catalogue.exercises)
    #expect(grades[0].status == .passed)
    #expect(grades[3].status == .timedOut(seconds: 7))
    let tests = runner.commands.filter { $0.arguments.first != "build" }
    #if os(Linux)
      #expect(tests.count == 5 && tests.allSatisfy { $0.program == bundle })
      let first = try #require(tests.first)
      #expect(
        first.arguments == [
          "--no-parallel", "--filter", #"^PassingTests\."#,
          "--event-stream-output-path", scratch + "/kit-runs/Passing.jsonl",
          "--event-stream-version", "6.3", "--xunit-output", scratch + "/kit-runs/Passing.xml",
          "--testing-library", "swift-testing",
        ])
      #expect(first.workingDirectory == root && first.timeout == 7 && first.grace == 10)
      let build = try #require(runner.commands.last { $0.arguments.first == "build" })
      // The build's variables unchanged, and the test run's own three on top.
      #expect(
        first.environment.filter { build.environment.keys.contains($0.key) } == build.environment)
      #expect(
        Set(first.environment.keys).subtracting(build.environment.keys) == [
          "SWIFT_BACKTRACE", "SWT_EXPERIMENTAL_EVENT_STREAM_FIELDS_ENABLED", "NO_COLOR",
        ])
    #else
      #expect(tests.allSatisfy { $0.program == "swift" })
    #endif

    try FileManager.default.removeItem(atPath: bundle)
    let fallback = grader.testCommand(
      filter: "^A\\.", stream: "/s", xunit: "/x", scratchPath: scratch, environment: [:],
      timeout: 3)
    #expect(fallback.program == "swift")
    #expect(
      fallback.arguments == [
        "test", "--skip-build", "--disable-xctest", "--scratch-path", scratch, "--no-parallel",
        "--filter", "^A\\.", "--event-stream-output-path", "/s", "--event-stream-version", "6.3",
        "--xunit-output", "/x",
      ])
  }

  @Test("A bundle that ends by a signal and prints nothing is a crash named after the signal")
  func bundleSignal() throws {
    let scratch = try makeTemporaryFolder("signal")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    _ = try makeStandInBundle(in: scratch)
    let runner = ScriptedRunner { command in
      guard let path = command.value(after: "--event-stream-output-path") else {
        return CommandResult(status: 0)
      }
      let stream = StreamBuilder.stream(
        target: "PassingTests", tests: [.init(name: "first"), .init(name: "second")],
        ended: false)
      try? stream.write(toFile: path, atomically: true, encoding: .utf8)
      return CommandResult(status: 4, wasSignalled: true)
    }
    let catalogue = Fixtures.miniCatalogue(root: root)
    let grade = try #require(
      Grader(catalogue: catalogue, runner: runner, settings: settings(scratch))
        .grade([catalogue.exercises[0]]).first)
    #if os(Linux)
      #expect(grade.status == .crashed(CrashReport(message: "illegal instruction (signal 4)")))
    #endif
    #expect(grade.passedCount == 1)
  }

  @Test("The bundle runs for real in the package root with the grading environment")
  func realBundle() throws {
    let scratch = try makeTemporaryFolder("real-bundle")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let seen = scratch + "/seen.txt"
    let passing = Fixtures.folder + "/Recorded/Passing.jsonl"
    // A stand-in bundle: it notes where and how it ran, then writes a recorded stream.
    _ = try makeStandInBundle(
      in: scratch,
      script: """
        #!/bin/sh
        echo "$(pwd)|$KIT_ONLY|$NO_COLOR|$SWIFT_BACKTRACE|$*" > '\(seen)'
        while [ $# -gt 0 ]; do
          if [ "$1" = --event-stream-output-path ]; then cp '\(passing)' "$2"; fi
          shift
        done
        """)
    let catalogue = Fixtures.miniCatalogue(root: root)
    let grader = Grader(catalogue: catalogue, runner: ProcessRunner(), settings: settings(scratch))
    let (run, result) = grader.runTests(
      filter: #"^PassingTests\."#, built: [catalogue.exercises[0]], name: "Passing", timeout: 20)
    #expect(result.succeeded, "\(result.combinedOutput)")
    #if os(Linux)
      #expect(run.passedCount == 2 && run.ended)
      let fields = try String(contentsOfFile: seen, encoding: .utf8).split(separator: "|")
      try #require(fields.count == 5, "\(fields)")
      #expect(fields[0] == root && fields[1] == "Passing" && fields[2] == "1")
      #expect(fields[3].hasPrefix("enable=yes"))
      #expect(fields[4].hasSuffix("--testing-library swift-testing\n"))
    #endif
  }
}
