import Foundation
import KitEngine
import Testing

@Suite("The grade cache: what invalidates a grade, and cheap fingerprints", .serialized)
struct GradeCacheTests {
  /// The exercises whose tests ran (by filter) in a run of the kit.
  func graded(_ commands: [ShellCommand]) -> [String] {
    commands.compactMap { $0.value(after: "--filter") }
  }

  @Test(
    "An edit to an input of 01's grade re-grades 01 alone",
    arguments: [
      "Exercises/01-Passing/Total.swift", "Exercises/01-Passing/New.swift",
      "Tests/PassingTests/TotalTests.swift", "Sources/MiniCore/MiniError.swift",
    ])
  func inputInvalidates(path: String) throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    #expect(graded(kit.runLogged(["status"]).swift).count == 6)
    try write("// an edit\n", to: kit.root + "/" + path)
    let again = graded(kit.runLogged(["status"]).swift)
    let shared = path.hasPrefix("Sources/")
    // The shared library is an input of every exercise's grade.
    let expected =
      shared
      ? [
        #"^PassingTests\."#, #"^FailingTests\."#, #"^CrashingTests\."#, #"^HangingTests\."#,
        #"^BrokenTests\."#, #"^UntouchedTests\."#,
      ] : [#"^PassingTests\."#]
    #expect(again == expected, "after editing \(path)")
  }

  @Test("An edit to the manifest reads the package again and re-grades every exercise")
  func manifestInvalidates() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    _ = kit.runLogged(["status"])
    let manifest = kit.root + "/Package.swift"
    let text = try String(contentsOfFile: manifest, encoding: .utf8)
    try write(text + "// an edit\n", to: manifest)
    let again = kit.runLogged(["status"]).swift
    #expect(again.contains { $0.arguments.starts(with: ["package", "dump-package"]) })
    #expect(graded(again).count == 6, "\(graded(again))")
  }

  @Test(
    "An edit outside 01's inputs leaves its grade cached",
    arguments: [
      "Solutions/01-Passing/Total.swift", "Tests/FailingTests/LargestTests.swift",
      "Exercises/02-Failing/Largest.swift", "Tests/MiniCoreTests/MiniErrorTests.swift",
    ])
  func otherEditsKeepTheGrade(path: String) throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    _ = kit.runLogged(["status"])
    try write("// an edit\n", to: kit.root + "/" + path)
    let again = graded(kit.runLogged(["status"]).swift)
    #expect(!again.contains(#"^PassingTests\."#), "after editing \(path): \(again)")
  }

  @Test("A check keys its grade on the files as they were when it began")
  func editDuringCheck() throws {
    let kit = try ScriptedKit()
    defer { kit.remove() }
    let file = kit.root + "/Exercises/01-Passing/Total.swift"
    let console = RecordingConsole()
    let runner = ScriptedRunner { command in
      if command.arguments.starts(with: ["package", "dump-package"]) {
        return CommandResult(
          status: 0, standardOutput: (try? Fixtures.recorded("MiniKit-dump.json")) ?? "")
      }
      if let path = command.value(after: "--event-stream-output-path") {
        // The learner saves while the tests run.
        try? write("// saved during the run\n", to: file)
        try? Fixtures.recorded("Passing.jsonl").write(
          toFile: path, atomically: true, encoding: .utf8)
      }
      return CommandResult(status: 0)
    }
    let app = KitApp(
      console: console, environment: ["XDG_STATE_HOME": kit.state], runner: runner,
      currentDirectory: kit.root, displayName: "kit")
    #expect(app.run(["check", "passing"]) == 0)
    let again = kit.runLogged(["status"]).swift
    #expect(graded(again).contains(#"^PassingTests\."#), "the saved edit was never graded")
  }

  @Test("The inputs of a grade follow the test target's dependencies, in either mode")
  func inputs() throws {
    let json = try Fixtures.recorded("MiniKit-dump.json")
    let mini = try Catalogue(dumpPackageJSON: json, root: "/m")
    let passing = try mini.exercise(named: "passing")
    #expect(
      mini.gradeInputs(of: passing) == [
        "Exercises/01-Passing", "Sources/MiniCore", "Tests/PassingTests", "Package.swift",
      ])
    #expect(mini.gradeInputs(of: passing, usesSolutions: true).first == "Solutions/01-Passing")

    let kit = Catalogue(
      root: "/kit", packageName: "PruningKit",
      exercises: [Exercise(number: "01", name: "WeightPruning")], ownTestTargets: [],
      targets: [
        PackageTarget(name: "PruningCore"),
        PackageTarget(
          name: "PruningTestSupport", path: "Tests/PruningTestSupport",
          dependencies: ["PruningCore"]),
        PackageTarget(name: "KitEngine"),
        PackageTarget(
          name: "WeightPruning", path: "Exercises/01-WeightPruning", dependencies: ["PruningCore"]),
        PackageTarget(
          name: "WeightPruningTests", isTest: true,
          dependencies: ["WeightPruning", "PruningTestSupport"]),
      ])
    #expect(
      kit.gradeInputs(of: kit.exercises[0]) == [
        "Exercises/01-WeightPruning", "Sources/PruningCore", "Tests/PruningTestSupport",
        "Tests/WeightPruningTests", "Package.swift",
      ])
  }

  @Test("A file's hash is kept once it has settled, and any change to it is seen")
  func stamps() throws {
    let root = try makeTemporaryFolder("stamps")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let file = root + "/Folder/a.txt"
    try write("abcd", to: file)
    var cache = GradeCache.load(root: root)
    let fresh = cache.fingerprint(of: ["Folder"], root: root)
    #expect(cache.contents.files["Folder/a.txt"] == nil, "a file written just now is read again")

    let later = Date().addingTimeInterval(10)
    #expect(cache.fingerprint(of: ["Folder"], root: root, now: later) == fresh)
    let entry = try #require(cache.contents.files["Folder/a.txt"])
    guard case .file(let stamp) = FileStamp.kind(of: file) else {
      Issue.record("no stamp for \(file)")
      return
    }
    #expect(entry.stamp == stamp)
    cache.save()
    var loaded = GradeCache.load(root: root)
    #expect(loaded.contents.files["Folder/a.txt"]?.stamp == stamp, "the hashes are saved")
    #expect(loaded.fingerprint(of: ["Folder"], root: root, now: later) == fresh)

    // The same size and inode, written in place and given back its modification time to the
    // nanosecond: only the change time tells.
    try "abce".write(toFile: file, atomically: false, encoding: .utf8)
    let old = timespec(
      tv_sec: Int(stamp.modified / 1_000_000_000), tv_nsec: Int(stamp.modified % 1_000_000_000))
    var times = [old, old]
    #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
    guard case .file(let rewritten) = FileStamp.kind(of: file) else {
      Issue.record("no stamp for \(file)")
      return
    }
    #expect(rewritten.size == stamp.size && rewritten.inode == stamp.inode)
    #expect(rewritten.modified == stamp.modified)
    let edited = loaded.fingerprint(of: ["Folder"], root: root, now: later)
    #expect(edited != fresh)

    try write("", to: file)
    let empty = loaded.fingerprint(of: ["Folder/a.txt"], root: root)
    try FileManager.default.removeItem(atPath: file)
    let missing = loaded.fingerprint(of: ["Folder/a.txt"], root: root)
    #expect(empty != missing, "an empty file and a missing one differ")
    #expect(loaded.contents.files["Folder/a.txt"] == nil, "a missing file's hash is forgotten")
  }

  @Test("Fingerprints differ by salt, by path and by which group a path is in")
  func saltAndPaths() throws {
    let root = try makeTemporaryFolder("salt")
    defer { try? FileManager.default.removeItem(atPath: root) }
    try write("x", to: root + "/A/f")
    try write("x", to: root + "/B/f")
    var cache = GradeCache.load(root: root)
    let prints = cache.fingerprints(of: [["A"], ["B"], ["A", "B"], ["A"]], root: root)
    #expect(prints[0] != prints[1], "the same file under another folder")
    #expect(prints[2] != prints[0] && prints[0] == prints[3])
    #expect(cache.fingerprint(of: ["A"], root: root, salt: "true") != prints[0])
  }

  @Test("The board reads each grade's summary; a report reads the whole grade from its own file")
  func summaries() throws {
    let root = try makeTemporaryFolder("summaries")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let catalogue = Fixtures.miniCatalogue(root: root)
    let tests =
      (0..<3).map { TestRecord(id: "T.S/p\($0)()", displayName: "p\($0)", status: .passed) }
      + [
        TestRecord(
          id: "T.S/f()", displayName: "f", status: .failed,
          issues: [TestIssue(message: "expected 2, got 3")]),
        TestRecord(
          id: "T.S/trap()", displayName: "The trap",
          location: SourceLocation(path: "Tests/CrashingTests/SecondTests.swift", line: 12),
          status: .unfinished),
        TestRecord(id: "T.S/s()", displayName: "s", status: .skipped),
      ]
    let crashed = Grade(
      exercise: catalogue.exercises[2],
      status: .crashed(CrashReport(message: "Index out of range")),
      run: TestRun(tests: tests, started: true, ended: false), declaredCount: 7)
    var cache = GradeCache.load(root: root)
    cache.store(crashed, fingerprint: "abc")
    cache.save()
    let loaded = GradeCache.load(root: root)
    let summary = try #require(loaded.grade(of: crashed.exercise, fingerprint: "abc"))
    #expect(summary.passedCount == 3 && summary.run.gradedCount == 5)
    #expect(summary.run.runningTest == crashed.run.runningTest)
    let board = { (grade: Grade) in
      StatusBoard(catalogue: catalogue, grades: [grade], style: .plain, command: "kit").render()
    }
    let fromSummary = board(summary)
    let fromGrade = board(crashed)
    #expect(fromSummary == fromGrade)
    let whole = loaded.grade(of: crashed.exercise, fingerprint: "abc", detailed: true)
    #expect(whole == crashed)
    #expect(loaded.grade(of: crashed.exercise, fingerprint: "abd", detailed: true) == nil)
    let index = try #require(FileManager.default.contents(atPath: loaded.path))
    #expect(!String(decoding: index, as: UTF8.self).contains("expected 2, got 3"))
  }
}
