import Foundation
import KitEngine
import Testing

/// A copy of the MiniKit sources in a temporary git repository, driven through `KitApp` with
/// `swift` scripted (no builds) and `git` real.
struct ScriptedKit {
  let repository: Repository
  let state: String

  init() throws {
    repository = try Repository("app")
    let source = Fixtures.folder + "/MiniKit"
    for folder in ["Exercises", "Solutions", "Tests", "Sources"] {
      try? FileManager.default.removeItem(atPath: "\(repository.root)/\(folder)")
      try FileManager.default.copyItem(
        atPath: "\(source)/\(folder)", toPath: "\(repository.root)/\(folder)")
    }
    try FileManager.default.copyItem(
      atPath: "\(source)/Package.swift", toPath: "\(repository.root)/Package.swift")
    try repository.commitAll("the kit")
    state = try makeTemporaryFolder("state")
  }

  var root: String { repository.root }

  /// Runs the kit; test runs report the recorded stream named after the exercise.
  func run(_ arguments: [String], answers: [String] = []) -> (
    status: Int32, console: RecordingConsole
  ) {
    let (status, console, _) = runLogged(arguments, answers: answers)
    return (status, console)
  }

  /// Runs the kit and also returns every `swift` command it ran.
  func runLogged(_ arguments: [String], answers: [String] = []) -> (
    status: Int32, console: RecordingConsole, swift: [ShellCommand]
  ) {
    let console = RecordingConsole(answers: answers)
    let real = ProcessRunner()
    let runner = ScriptedRunner { command in
      if command.program == "git" { return (try? real.run(command)) ?? CommandResult(status: 127) }
      if command.arguments.starts(with: ["package", "dump-package"]) {
        return CommandResult(
          status: 0, standardOutput: (try? Fixtures.recorded("MiniKit-dump.json")) ?? "")
      }
      if command.arguments.first == "test", let filter = command.value(after: "--filter"),
        let path = command.value(after: "--event-stream-output-path")
      {
        let name = filter.dropFirst().prefix { $0 != "T" }
        let file = name == "Failing" || name == "Passing" ? "\(name).jsonl" : "Untouched.jsonl"
        try? Fixtures.recorded(file).write(toFile: path, atomically: true, encoding: .utf8)
      }
      return CommandResult(status: 0)
    }
    let app = KitApp(
      console: console, environment: ["XDG_STATE_HOME": state], runner: runner,
      currentDirectory: root + "/Exercises", displayName: "kit",
      now: { Date(timeIntervalSince1970: 86_400) })
    let status = app.run(arguments)
    return (status, console, runner.commands.filter { $0.program == "swift" })
  }

  func remove() {
    repository.remove()
    try? FileManager.default.removeItem(atPath: state)
  }
}

@Suite("The kit command", .serialized)
struct KitAppTests {
  @Test("The board reuses the grades of unchanged exercises and grades only what changed")
  func boardReusesGrades() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let first = kit.runLogged(["status"])
    #expect(first.swift.contains { $0.arguments.starts(with: ["package", "dump-package"]) })
    let firstTests = first.swift.filter { $0.arguments.first == "test" }
    #expect(firstTests.count == 6, "one test run per exercise")

    let again = kit.runLogged(["status"])
    let againCommands = again.swift.map(\.commandLine)
    #expect(againCommands.isEmpty, "nothing changed, yet it ran: \(againCommands)")
    #expect(again.console.output == first.console.output)

    try write("// edited\n", to: kit.root + "/Exercises/02-Failing/Extra.swift")
    let edited = kit.runLogged(["status"])
    let builds = edited.swift.filter { $0.arguments.first == "build" }
    let tests = edited.swift.compactMap { $0.value(after: "--filter") }
    #expect(builds.count == 1)
    #expect(tests == [#"^FailingTests\."#])
  }

  @Test("The shared build comes first, with no KIT_ONLY; a failure falls back to .build-kit")
  func sharedBuildFirst() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let run = kit.runLogged(["check", "passing"])
    let builds = run.swift.filter { $0.arguments.first == "build" }
    let first = try #require(builds.first)
    #expect(first.value(after: "--scratch-path") == ".build")
    #expect(first.environment["KIT_ONLY"] == .some(nil))
    let test = try #require(run.swift.first { $0.arguments.first == "test" })
    #expect(test.value(after: "--scratch-path") == ".build")
    #expect(test.environment["KIT_ONLY"] == .some(nil))
  }

  @Test("Hints come one level at a time, remembered between runs, or by the level asked for")
  func hints() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let first = kit.run(["hint", "passing"])
    #expect(first.status == 0)
    #expect(first.console.output.hasPrefix("Hint level 1 of 2 for 01 Passing: where to start"))
    #expect(first.console.output.contains("one pass over the values"))
    #expect(first.console.output.contains("More: `kit hint passing` shows level 2 of 2."))
    let second = kit.run(["hint", "1"])
    #expect(second.console.output.hasPrefix("Hint level 2 of 2 for 01 Passing: the shape"))
    #expect(second.console.output.contains("That is the last level."))
    #expect(kit.run(["hint", "passing"]).console.output.hasPrefix("Hint level 2 of 2"))
    #expect(kit.run(["hint", "passing", "1"]).console.output.hasPrefix("Hint level 1 of 2"))
    #expect(kit.run(["hint", "failing"]).console.output.hasPrefix("Hint level 1 of 1"))
  }

  @Test("A hint level that does not exist is a usage error; a missing HINTS.md is a failure")
  func hintErrors() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let tooHigh = kit.run(["hint", "passing", "3"])
    #expect(tooHigh.status == 64)
    #expect(
      tooHigh.console.errors == "kit: 01 Passing has hint levels 1...2; there is no level 3\n")
    try FileManager.default.removeItem(atPath: "\(kit.root)/Exercises/06-Untouched/HINTS.md")
    let missing = kit.run(["hint", "untouched"])
    #expect(missing.status == 1)
    #expect(missing.console.errors.contains("06 Untouched has no hints"))
  }

  @Test("Unknown commands and names are usage errors with exit status 64")
  func usage() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let unknown = kit.run(["frobnicate"])
    #expect(unknown.status == 64)
    #expect(unknown.console.errors.hasPrefix("kit: unknown command 'frobnicate'"))
    let name = kit.run(["check", "quantization"])
    #expect(name.status == 64)
    #expect(name.console.errors.contains("01 Passing (passing)"))
    #expect(kit.run(["--help"]).console.output.contains("Usage: kit"))
  }

  @Test("The solution of an exercise that has not passed is shown only after a yes")
  func solutionAsksFirst() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let declined = kit.run(["solution", "failing"])
    #expect(declined.status == 0)
    #expect(declined.console.output.contains("02 Failing has not passed yet"))
    #expect(declined.console.output.contains("Show the reference solution anyway? [y/N]"))
    #expect(declined.console.output.contains("Nothing shown."))
    #expect(!declined.console.output.contains("values.max()"))
    let accepted = kit.run(["solution", "failing"], answers: ["y"])
    #expect(accepted.console.output.contains("── Solutions/02-Failing/Largest.swift ──"))
    #expect(accepted.console.output.contains("values.max()"))
  }

  @Test("The solution of a passing exercise is shown at once, whole or as a diff")
  func solutionOfPassed() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let whole = kit.run(["solution", "passing"])
    #expect(!whole.console.output.contains("[y/N]"))
    #expect(whole.console.output.contains("values.reduce(0, +)"))
    let diff = kit.run(["solution", "passing", "--diff"])
    #expect(diff.console.output.contains("--- Exercises/01-Passing/Total.swift (yours)"))
    #expect(diff.console.output.contains("+  values.reduce(0, +)"))
    #expect(diff.console.output.contains("-  throw .notImplemented(\"total(_:)\")"))
  }

  @Test("Reset asks first, changes nothing on no or end of input, and keeps a backup on yes")
  func reset() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let path = "\(kit.root)/Exercises/01-Passing/Total.swift"
    let stub = try String(contentsOfFile: path, encoding: .utf8)
    try write("my attempt\n", to: path)

    let declined = kit.run(["reset", "passing"])
    #expect(declined.status == 0)
    #expect(declined.console.output.contains("restore"))
    #expect(declined.console.output.contains("[y/N]"))
    #expect(declined.console.output.hasSuffix("Nothing changed.\n"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "my attempt\n")

    let accepted = kit.run(["reset", "passing"], answers: ["yes"])
    #expect(accepted.console.output.contains("Reset done."))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == stub)
    let backup = "\(kit.root)/.kit-backups/1970-01-02T00-00-00/Exercises/01-Passing/Total.swift"
    #expect(try String(contentsOfFile: backup, encoding: .utf8) == "my attempt\n")

    let again = kit.run(["reset", "--all"])
    #expect(again.console.output == "Every exercise is already as it was: nothing to reset.\n")
  }

  @Test("The board lists every exercise and exits 0 however far the learner is")
  func status() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let board = kit.run([])
    #expect(board.status == 0)
    let lines = board.console.output.split(separator: "\n")
    #expect(lines.count == 8)
    #expect(lines[0].contains("01 Passing") && lines[0].contains("passed"))
    #expect(lines[1].contains("02 Failing") && lines[1].contains("in progress"))
    #expect(lines[5].contains("06 Untouched") && lines[5].contains("not started"))
    #expect(board.console.output.contains("Next: 02 Failing"))
  }
}
