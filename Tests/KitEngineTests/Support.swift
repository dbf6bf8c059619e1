import Foundation
import KitEngine
import KitSupport
import Synchronization
import Testing

/// The fixture files beside these tests: recorded test output and the MiniKit package.
enum Fixtures {
  /// `Tests/KitEngineTests/Fixtures`.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures").path

  /// The root the recorded files were rewritten to.
  static let recordedRoot = "/home/learner/MiniKit"

  /// The contents of a file in `Fixtures/Recorded`.
  static func recorded(_ name: String) throws -> String {
    try String(contentsOfFile: "\(folder)/Recorded/\(name)", encoding: .utf8)
  }

  /// The MiniKit catalogue, as `swift package dump-package` would list it, at a given root.
  static func miniCatalogue(root: String = recordedRoot) -> Catalogue {
    Catalogue(
      root: root,
      packageName: "MiniKit",
      exercises: [
        Exercise(number: "01", name: "Passing"),
        Exercise(number: "02", name: "Failing"),
        Exercise(number: "03", name: "Crashing"),
        Exercise(number: "04", name: "Hanging"),
        Exercise(number: "05", name: "Broken"),
        Exercise(number: "06", name: "Untouched"),
      ],
      ownTestTargets: ["MiniCoreTests"]
    )
  }

  /// The seven exercises of the kit itself, for name look-ups.
  static let kitCatalogue = Catalogue(
    root: "/kit",
    packageName: "PruningKit",
    exercises: [
      ("01", "WeightPruning"), ("02", "StructuralPruning"), ("03", "PruningMetrics"),
      ("04", "SparseFormats"), ("05", "BlockSparsity"), ("06", "WeightSharing"),
      ("07", "DynamicPruning"),
    ].map { Exercise(number: $0.0, name: $0.1) },
    ownTestTargets: ["PruningCoreTests", "KitEngineTests"]
  )
}

/// A stand-in for running programs: answers each command with a scripted result and records
/// every command it was given.
final class ScriptedRunner: CommandRunning {
  private let handler: @Sendable (ShellCommand) -> CommandResult
  private let log = Mutex<[ShellCommand]>([])

  init(_ handler: @escaping @Sendable (ShellCommand) -> CommandResult) {
    self.handler = handler
  }

  func run(_ command: ShellCommand) throws(KitError) -> CommandResult {
    log.withLock { $0.append(command) }
    return handler(command)
  }

  /// Every command run so far, in order.
  var commands: [ShellCommand] { log.withLock { $0 } }
}

extension ShellCommand {
  /// The value after an option, such as the path after `--event-stream-output-path`.
  func value(after option: String) -> String? {
    guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else {
      return nil
    }
    return arguments[index + 1]
  }
}

/// A console that records output and answers prompts from a list (then end of input).
final class RecordingConsole: Console {
  private let state: Mutex<(output: String, errors: String, answers: [String])>
  let outputIsTerminal: Bool
  let errorIsTerminal = false
  let columns: Int? = nil

  init(answers: [String] = [], isTerminal: Bool = false) {
    state = Mutex((output: "", errors: "", answers: answers))
    outputIsTerminal = isTerminal
  }

  func write(_ text: String) { state.withLock { $0.output += text } }
  func writeError(_ text: String) { state.withLock { $0.errors += text } }
  func readLine() -> String? {
    state.withLock { $0.answers.isEmpty ? nil : $0.answers.removeFirst() }
  }

  var output: String { state.withLock { $0.output } }
  var errors: String { state.withLock { $0.errors } }
}

/// A fresh temporary folder, removed by the caller.
func makeTemporaryFolder(_ name: String) throws -> String {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("kit-tests-\(name)-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Writes a text file, creating its folder.
func write(_ text: String, to path: String) throws {
  try FileManager.default.createDirectory(
    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
  try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// Puts an executable stand-in for the MiniKit test bundle where a debug build leaves the real
/// one, so the grader runs it instead of `swift test`.
///
/// - Parameters:
///   - scratch: The build folder.
///   - script: The bundle's contents: a shell script, or nothing for a bundle that is never
///     run for real.
/// - Returns: The bundle's path, `<scratch>/debug/MiniKitPackageTests.xctest`.
/// - Throws: What writing the file or setting its permissions throws.
/// - Complexity: O(*n*) in the length of the script.
func makeStandInBundle(in scratch: String, script: String = "") throws -> String {
  let bundle = scratch + "/debug/MiniKitPackageTests.xctest"
  try write(script, to: bundle)
  try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bundle)
  return bundle
}

/// Writes small event streams in Swift Testing's format, for scripted test runs.
enum StreamBuilder {
  /// One test of a synthetic stream: its function name and the failure message, if it fails.
  struct Test {
    var name: String
    var failure: String?
  }

  /// A stream in which the tests of a target run; `ended` false leaves out `runEnded` (a crash).
  static func stream(target: String, tests: [Test], ended: Bool = true) -> String {
    func line(_ kind: String, _ payload: String) -> String {
      "{\"kind\":\"\(kind)\",\"payload\":{\(payload)},\"version\":\"6.3.0\"}"
    }
    func id(_ test: Test) -> String { "\(target).Suite/\(test.name)()/File.swift:1:1" }
    var lines = tests.map {
      line("test", "\"kind\":\"function\",\"id\":\"\(id($0))\",\"displayName\":\"\($0.name)\"")
    }
    lines.append(line("event", "\"kind\":\"runStarted\",\"messages\":[]"))
    for (index, test) in tests.enumerated() {
      lines.append(line("event", "\"kind\":\"testStarted\",\"testID\":\"\(id(test))\""))
      if !ended && index == tests.count - 1 { break }
      if let failure = test.failure {
        lines.append(
          line(
            "event",
            "\"kind\":\"issueRecorded\",\"testID\":\"\(id(test))\","
              + "\"issue\":{\"isKnown\":false,\"isFailure\":true},"
              + "\"messages\":[{\"symbol\":\"fail\",\"text\":\"\(failure)\"}]"))
      }
      lines.append(line("event", "\"kind\":\"testEnded\",\"testID\":\"\(id(test))\""))
    }
    if ended { lines.append(line("event", "\"kind\":\"runEnded\",\"messages\":[]")) }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// The process IDs listed in a file, one a line.
func processIDs(in path: String) throws -> [Int32] {
  try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
    .compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
}

/// Whether a process still runs: it exists and is not a zombie left for its new parent to reap.
func isRunning(_ pid: Int32) -> Bool {
  if let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") {
    let text = String(decoding: stat, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return false }
    return text[text.index(after: close)...].split(separator: " ").first != "Z"
  }
  return kill(pid, 0) == 0
}

/// Waits, up to a bound, for processes to end; returns the ones still running.
func waitForExit(_ pids: [Int32], seconds: Double) -> [Int32] {
  let deadline = Date().addingTimeInterval(seconds)
  while true {
    let running = pids.filter(isRunning)
    if running.isEmpty || Date() >= deadline { return running }
    usleep(20_000)
  }
}
