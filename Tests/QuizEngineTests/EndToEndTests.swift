import Foundation
import KitSupport
import QuizEngine
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The built `quiz` executable: next to the test bundle in the build products folder.
private func quizExecutable() throws -> URL {
  var folders: [URL] = []
  if let override = ProcessInfo.processInfo.environment["QUIZ_EXECUTABLE"] {
    return URL(fileURLWithPath: override)
  }
  for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
    folders.append(bundle.bundleURL.deletingLastPathComponent())
  }
  folders.append(Bundle.main.bundleURL)
  folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
  folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
  for folder in folders {
    let candidate = folder.appendingPathComponent("quiz")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  throw ExecutableNotFound(searched: folders.map(\.path))
}

private struct ExecutableNotFound: Error, CustomStringConvertible {
  let searched: [String]
  var description: String {
    "the quiz executable was not found (build it with `swift build --product quiz`); "
      + "searched: \(searched.joined(separator: ", "))"
  }
}

/// Kills the child if it is still running after a while, so a hung quiz fails its test instead
/// of hanging the whole test run (its pipes close, which ends any read waiting on it). A child
/// that has exited and been reaped is left alone, so its process id is never signalled again.
private func watchdog(_ process: Process, seconds: Double = 30) {
  let child = ChildProcess(process)
  DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
    if child.process.isRunning { kill(child.process.processIdentifier, SIGKILL) }
  }
}

/// A child process handed to the watchdog's queue.
private final class ChildProcess: @unchecked Sendable {
  let process: Process
  init(_ process: Process) { self.process = process }
}

private struct Run {
  let status: Int32
  let output: String
  let errors: String
}

/// Runs the built quiz with input through a pipe; standard output is a pipe too.
private func runQuiz(
  _ arguments: [String], input: String = "", environment extra: [String: String] = [:],
  state: TemporaryFolder
) throws -> Run {
  let process = Process()
  process.executableURL = try quizExecutable()
  process.arguments = arguments
  var environment = ProcessInfo.processInfo.environment
  environment["XDG_STATE_HOME"] = state.url.path
  environment["HOME"] = state.url.path
  environment["LANG"] = "C.UTF-8"
  environment["LC_ALL"] = nil
  environment["LC_MESSAGES"] = nil
  environment["NO_COLOR"] = nil
  environment["TERM"] = "xterm-256color"
  environment["PRUNING_KIT_NOW"] = "2026-03-01T09:00:00Z"
  for (key, value) in extra { environment[key] = value }
  process.environment = environment
  let stdin = Pipe()
  let stdout = Pipe()
  let stderrURL = state.path("stderr-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
  let stderr = try FileHandle(forWritingTo: stderrURL)
  process.standardInput = stdin
  process.standardOutput = stdout
  process.standardError = stderr
  try process.run()
  watchdog(process)
  stdin.fileHandleForWriting.write(Data(input.utf8))
  try stdin.fileHandleForWriting.close()
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  try stderr.close()
  let errors = try String(contentsOf: stderrURL, encoding: .utf8)
  try FileManager.default.removeItem(at: stderrURL)
  return Run(
    status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
    errors: errors)
}

private func lines(_ lines: [String]) -> String {
  lines.map { $0 + "\n" }.joined()
}

@Suite("The quiz executable, driven through pipes")
struct EndToEndTests {
  let session = ["--seed", "7", "--count", "5"]

  @Test("scores a scripted session with a known seed and answers, and exits 0 or 1")
  func scriptedSession() throws {
    let state = try TemporaryFolder()
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let right = try runQuiz(session + ["--no-save"], input: lines(key.lines), state: state)
    #expect(right.status == 0, "\(right.errors)")
    #expect(right.output.contains("seed 7"))
    #expect(right.output.contains("Score: 5 of 5 correct."))
    var wrong = key.lines
    wrong[0] = wrongAnswer(for: key.plan[0])
    let oneWrong = try runQuiz(session + ["--no-save"], input: lines(wrong), state: state)
    #expect(oneWrong.status == 1)
    #expect(oneWrong.output.contains("Score: 4 of 5 correct."))
    #expect(oneWrong.output.contains("missed: \(key.plan[0].question.id)"))
  }

  @Test("prints an answer key that, piped back in, scores full marks (the CI session)")
  func answerKeyRoundTrip() throws {
    let state = try TemporaryFolder()
    let key = try runQuiz(session + ["--no-save", "--answer-key"], state: state)
    #expect(key.status == 0)
    let run = try runQuiz(session + ["--no-save"], input: key.output, state: state)
    #expect(run.status == 0)
    #expect(run.output.contains("Score: 5 of 5 correct."))
  }

  @Test("saves the answers given when input ends mid-session, and prints the summary")
  func endOfInputSaves() throws {
    let state = try TemporaryFolder()
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let partial = Array(key.lines.prefix(2))
    let run = try runQuiz(session, input: lines(partial), state: state)
    #expect(run.status == 1)
    #expect(run.output.contains("Score: 2 of 5 correct."))
    #expect(run.output.contains("Not reached: 3"))
    let file = state.path("pruning-kit/progress.json")
    #expect(run.output.contains("Progress saved to \(file.path)."))
    let store = ProgressStore.open(at: file, now: testNow)
    #expect(Set(store.file.questions.keys) == Set(key.plan.prefix(2).map(\.question.id)))
  }

  @Test("leaves a state file it did not write as it is, says so, and runs without saving")
  func foreignStateFileLeftAlone() throws {
    let state = try TemporaryFolder()
    let file = state.path("progress.json")
    try Data("garbage, not JSON".utf8).write(to: file)
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let run = try runQuiz(session + ["--state", file.path], input: lines(key.lines), state: state)
    #expect(run.status == 0)
    #expect(run.errors.contains("\(file.path) is left as it is (it is not a quiz progress file)"))
    let names = try FileManager.default.contentsOfDirectory(atPath: state.url.path)
      .filter { !$0.hasPrefix("stderr-") }
    #expect(names == ["progress.json"])
    #expect(try String(contentsOf: file, encoding: .utf8) == "garbage, not JSON")
  }

  @Test("--state on an existing folder moves, renames and writes nothing in it")
  func stateFolderLeftAlone() throws {
    let state = try TemporaryFolder()
    let folder = state.path("mine")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let run = try runQuiz(
      session + ["--state", folder.path], input: lines(key.lines), state: state)
    #expect(run.status == 0)
    #expect(run.errors.contains("\(folder.path) is left as it is (it is a folder"))
    let names = try FileManager.default.contentsOfDirectory(atPath: state.url.path)
      .filter { !$0.hasPrefix("stderr-") }
    #expect(names == ["mine"])
    let inside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(inside == ["notes.txt"])
  }

  @Test("asks in Chinese with --lang zh and with LANG=zh_CN.UTF-8")
  func chinese() throws {
    let state = try TemporaryFolder()
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let flag = try runQuiz(
      session + ["--no-save", "--lang", "zh"], input: lines(key.lines), state: state)
    #expect(flag.output.contains("第 1 题，共 5 题"))
    #expect(flag.output.contains("你的答案"))
    #expect(flag.output.contains("得分：5 题中答对 5 题。"))
    let locale = try runQuiz(
      session + ["--no-save"], input: lines(key.lines), environment: ["LANG": "zh_CN.UTF-8"],
      state: state)
    #expect(locale.output.contains("第 1 题，共 5 题"))
  }

  @Test("writes no escape codes to a pipe, nor with NO_COLOR set")
  func noEscapeCodes() throws {
    let state = try TemporaryFolder()
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    for environment in [[:], ["NO_COLOR": "1"], ["TERM": "dumb"]] {
      let run = try runQuiz(
        session + ["--no-save"], input: lines(key.lines), environment: environment, state: state)
      #expect(!run.output.contains("\u{1B}"))
      #expect(!run.errors.contains("\u{1B}"))
      #expect(run.output.contains("Score: 5 of 5 correct."))
    }
  }

  @Test("asks again after a garbage answer, without penalty")
  func garbageReprompts() throws {
    let state = try TemporaryFolder()
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let run = try runQuiz(
      session + ["--no-save"], input: lines(["%%%", "0/0", "一"] + key.lines), state: state)
    #expect(run.status == 0)
    #expect(run.output.contains("Please type"))
    #expect(run.output.contains("Score: 5 of 5 correct."))
  }

  @Test("still runs, with a warning, when the state folder cannot be created")
  func unwritableStateFolder() throws {
    let state = try TemporaryFolder()
    let blocker = state.path("a-file")
    try Data("x".utf8).write(to: blocker)
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let run = try runQuiz(
      session, input: lines(key.lines), environment: ["XDG_STATE_HOME": blocker.path],
      state: state)
    #expect(run.status == 0)
    #expect(run.errors.contains("cannot create the state folder"))
    #expect(run.output.contains("Score: 5 of 5 correct."))
    #expect(run.output.contains("Progress not saved"))
  }

  @Test(
    "exits 64 on bad usage, with the reason on standard error",
    arguments: [
      ["--count", "0"], ["--bogus"], ["--lang", "fr"], ["--topic", "nope"], ["--now", "soon"],
      ["stray"],
    ])
  func badUsage(arguments: [String]) throws {
    let state = try TemporaryFolder()
    let run = try runQuiz(arguments, state: state)
    #expect(run.status == 64)
    #expect(run.errors.contains("quiz: "))
    #expect(run.errors.contains("Try 'swift run quiz --help'."))
    #expect(run.output.isEmpty)
  }

  @Test("exits 64 for a malformed PRUNING_KIT_NOW")
  func badClock() throws {
    let state = try TemporaryFolder()
    let run = try runQuiz(["--no-save"], environment: ["PRUNING_KIT_NOW": "tomorrow"], state: state)
    #expect(run.status == 64)
    #expect(run.errors.contains("PRUNING_KIT_NOW"))
  }

  @Test("runs lint, --help, --version and --list-topics with exit 0")
  func commands() throws {
    let state = try TemporaryFolder()
    let lint = try runQuiz(["lint"], state: state)
    #expect(lint.status == 0)
    #expect(lint.output.contains("The bank is clean"))
    #expect(try runQuiz(["--help"], state: state).output.contains("Usage: quiz"))
    #expect(try runQuiz(["--version"], state: state).output.contains("quiz (PruningKit)"))
    let topics = try runQuiz(["--list-topics"], state: state)
    #expect(topics.status == 0)
    for topic in Coverage.requiredTopics { #expect(topics.output.contains(topic)) }
  }

  @Test(
    "prints a help wrapped to the width, descriptions hung under their column",
    arguments: ["en", "zh"], [80, 64])
  func helpWidth(language: String, width: Int) throws {
    let help = try runQuiz(
      ["--help", "--lang", language], environment: ["COLUMNS": "\(width)"],
      state: TemporaryFolder()
    ).output
    let lines = help.split(separator: "\n").map(String.init)
    for line in lines {
      #expect(DisplayWidth.of(line) <= width, "\(DisplayWidth.of(line)) columns: \(line)")
    }
    let state = try #require(lines.firstIndex { $0.hasPrefix("  --state PATH") })
    #expect(lines[state + 1].prefix { $0 == " " }.count == 19, "\(lines[state + 1])")
  }

  @Test("exits 1 from lint on a broken bank given with --bank, naming the problem")
  func lintBrokenBank() throws {
    let state = try TemporaryFolder()
    var bank = try Bank.shipped()
    bank.questions.append(bank.questions[0])
    try bank.write(to: state.path("bank"))
    let run = try runQuiz(["lint", "--bank", state.path("bank").path], state: state)
    #expect(run.status == 1)
    #expect(run.errors.contains("\(bank.questions[0].id): id used by more than one question"))
  }

  @Test("exits 130 on Ctrl-C and leaves the state file whole")
  func interrupt() throws {
    let state = try TemporaryFolder()
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let process = Process()
    process.executableURL = try quizExecutable()
    process.arguments = session
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_STATE_HOME"] = state.url.path
    environment["LANG"] = "C.UTF-8"
    process.environment = environment
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    watchdog(process, seconds: 20)
    stdin.fileHandleForWriting.write(Data((key.lines[0] + "\n").utf8))
    var seen = ""
    var buffer = [UInt8](repeating: 0, count: 4096)
    let descriptor = stdout.fileHandleForReading.fileDescriptor
    while !seen.contains("Question 2 of 5") {
      let count = read(descriptor, &buffer, buffer.count)
      if count <= 0 { break }
      seen += String(decoding: buffer[..<count], as: UTF8.self)
    }
    #expect(seen.contains("Question 2 of 5"))
    process.interrupt()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 130)
    let file = state.path("pruning-kit/progress.json")
    let store = ProgressStore.open(at: file, now: testNow)
    #expect(store.warnings.isEmpty)
    #expect(Array(store.file.questions.keys) == [key.plan[0].question.id])
  }
}
