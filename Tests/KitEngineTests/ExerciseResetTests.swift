import Foundation
import KitEngine
import Testing

/// A git repository in a temporary folder holding the MiniKit stubs of one exercise.
struct Repository {
  let root: String
  let runner = ProcessRunner()

  init(_ name: String) throws {
    root = try makeTemporaryFolder(name)
    try write("stub\n", to: "\(root)/Exercises/01-Passing/Total.swift")
    try write("# 01 Passing\n", to: "\(root)/Exercises/01-Passing/README.md")
    try git("init", "-q")
    try commitAll("stubs")
  }

  init(cloning origin: Repository, _ name: String) throws {
    let parent = try makeTemporaryFolder(name)
    root = parent + "/clone"
    _ = try runner.run(ShellCommand("git", ["clone", "-q", origin.root, root], in: parent))
  }

  @discardableResult
  func git(_ arguments: String...) throws -> CommandResult {
    let identity = ["-c", "user.name=Kit Tests", "-c", "user.email=kit@example.com"]
    return try runner.run(ShellCommand("git", identity + arguments, in: root))
  }

  func commitAll(_ message: String) throws {
    try git("add", "-A")
    try git("commit", "-q", "-m", message)
  }

  func read(_ path: String) throws -> String {
    try String(contentsOfFile: "\(root)/\(path)", encoding: .utf8)
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite("Resetting an exercise to its pristine stubs")
struct ExerciseResetTests {
  let total = "Exercises/01-Passing/Total.swift"
  let readme = "Exercises/01-Passing/README.md"
  let extra = "Exercises/01-Passing/Extra.swift"

  @Test("Changed, deleted and added files are restored or removed, each backed up first")
  func restoreWithBackup() throws {
    let repository = try Repository("reset")
    defer { repository.remove() }
    try write("mine\n", to: "\(repository.root)/\(total)")
    try FileManager.default.removeItem(atPath: "\(repository.root)/\(readme)")
    try write("helper\n", to: "\(repository.root)/\(extra)")
    let reset = ExerciseReset(
      catalogue: Fixtures.miniCatalogue(root: repository.root), runner: repository.runner)
    let exercise = Exercise(number: "01", name: "Passing")

    let plan = try reset.plan(for: exercise)
    #expect(plan.revision == "HEAD")
    #expect(
      plan.changes == [
        ResetChange(path: extra, kind: .added), ResetChange(path: readme, kind: .missing),
        ResetChange(path: total, kind: .modified),
      ])

    let backup = try reset.apply([plan], date: Date(timeIntervalSince1970: 0))
    #expect(backup == ".kit-backups/1970-01-01T00-00-00")
    #expect(try repository.read(total) == "stub\n")
    #expect(try repository.read(readme) == "# 01 Passing\n")
    #expect(!FileManager.default.fileExists(atPath: "\(repository.root)/\(extra)"))
    #expect(try repository.read("\(backup)/\(total)") == "mine\n")
    #expect(try repository.read("\(backup)/\(extra)") == "helper\n")
    #expect(try reset.plan(for: exercise).isEmpty)
  }

  @Test("A second reset in the same second gets its own backup folder")
  func backupFolders() throws {
    let repository = try Repository("reset")
    defer { repository.remove() }
    let reset = ExerciseReset(
      catalogue: Fixtures.miniCatalogue(root: repository.root), runner: repository.runner)
    let exercise = Exercise(number: "01", name: "Passing")
    let date = Date(timeIntervalSince1970: 0)
    try write("one\n", to: "\(repository.root)/\(total)")
    let first = try reset.apply([try reset.plan(for: exercise)], date: date)
    try write("two\n", to: "\(repository.root)/\(total)")
    let second = try reset.apply([try reset.plan(for: exercise)], date: date)
    #expect(second == first + "-2")
    #expect(try repository.read("\(first)/\(total)") == "one\n")
    #expect(try repository.read("\(second)/\(total)") == "two\n")
  }

  @Test("The upstream branch is the pristine copy even when the learner committed their work")
  func upstreamFirst() throws {
    let origin = try Repository("origin")
    defer { origin.remove() }
    let clone = try Repository(cloning: origin, "clone")
    defer {
      try? FileManager.default.removeItem(
        atPath: (clone.root as NSString).deletingLastPathComponent)
    }
    try write("my committed answer\n", to: "\(clone.root)/\(total)")
    try clone.commitAll("my work")
    let reset = ExerciseReset(
      catalogue: Fixtures.miniCatalogue(root: clone.root), runner: clone.runner)
    let plan = try reset.plan(for: Exercise(number: "01", name: "Passing"))
    #expect(plan.revision.hasPrefix("origin/"))
    try reset.apply([plan])
    #expect(try clone.read(total) == "stub\n")
  }

  @Test("Outside a git checkout, reset says it cannot find the pristine files")
  func notACheckout() throws {
    let folder = try makeTemporaryFolder("nogit")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let reset = ExerciseReset(
      catalogue: Fixtures.miniCatalogue(root: folder), runner: ProcessRunner())
    #expect(throws: KitError.self) { try reset.plan(for: Exercise(number: "01", name: "Passing")) }
  }
}

/// Writes a pristine copy holding the given files (paths relative to `Exercises/`) into a package.
func writePristineCopy(_ files: [String: String], in root: String) throws {
  let data = try JSONEncoder().encode(PristineCopy(files: files))
  try write(String(decoding: data, as: UTF8.self), to: "\(root)/\(PristineCopy.path)")
}

@Suite("Resetting from the pristine copy the kit carries")
struct CarriedPristineResetTests {
  let total = "Exercises/01-Passing/Total.swift"

  @Test("Without git at all, the stubs come back from .kit/pristine.json, after a backup")
  func withoutGit() throws {
    let root = try makeTemporaryFolder("nogit")
    defer { try? FileManager.default.removeItem(atPath: root) }
    try writePristineCopy(["01-Passing/Total.swift": "stub\n"], in: root)
    try write("mine\n", to: "\(root)/\(total)")
    let reset = ExerciseReset(
      catalogue: Fixtures.miniCatalogue(root: root), runner: ProcessRunner())
    let plan = try reset.plan(for: Exercise(number: "01", name: "Passing"))
    #expect(plan.revision == PristineCopy.path)
    #expect(plan.changes == [ResetChange(path: total, kind: .modified)])
    let backup = try reset.apply([plan], date: Date(timeIntervalSince1970: 0))
    let restored = try String(contentsOfFile: "\(root)/\(total)", encoding: .utf8)
    #expect(restored == "stub\n")
    let kept = try String(contentsOfFile: "\(root)/\(backup)/\(total)", encoding: .utf8)
    #expect(kept == "mine\n")
  }

  @Test("After the learner committed their work, reset still restores the stubs")
  func afterCommit() throws {
    let repository = try Repository("committed")
    defer { repository.remove() }
    try writePristineCopy(
      ["01-Passing/Total.swift": "stub\n", "01-Passing/README.md": "# 01 Passing\n"],
      in: repository.root)
    try repository.commitAll("pristine copy")
    try write("solved\n", to: "\(repository.root)/\(total)")
    try repository.commitAll("my solution")
    let reset = ExerciseReset(
      catalogue: Fixtures.miniCatalogue(root: repository.root), runner: repository.runner)
    let plan = try reset.plan(for: Exercise(number: "01", name: "Passing"))
    #expect(plan.changes == [ResetChange(path: total, kind: .modified)])
    try reset.apply([plan], date: Date(timeIntervalSince1970: 0))
    #expect(try repository.read(total) == "stub\n")
    #expect(try repository.read(".kit-backups/1970-01-01T00-00-00/\(total)") == "solved\n")
  }

  @Test("A folder or a file that is not a pristine copy is refused with the path, and left alone")
  func notACopy() throws {
    let root = try makeTemporaryFolder("notacopy")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let catalogue = Fixtures.miniCatalogue(root: root)
    try write("mine\n", to: "\(root)/\(PristineCopy.path)/notes.txt")
    #expect(
      throws: KitError.fileSystem(
        path: PristineCopy.path, reason: "it is a folder, not the kit's pristine copy")
    ) {
      try PristineCopy.load(from: catalogue)
    }
    #expect(
      try String(contentsOfFile: "\(root)/\(PristineCopy.path)/notes.txt", encoding: .utf8)
        == "mine\n")
    try FileManager.default.removeItem(atPath: "\(root)/\(PristineCopy.path)")
    try write(
      "{\"format\": \"something-else\", \"version\": 1, \"files\": {}}",
      to: "\(root)/\(PristineCopy.path)")
    #expect(
      throws: KitError.fileSystem(
        path: PristineCopy.path,
        reason: "it is something-else version 1, not pruningkit-pristine version 1")
    ) {
      try PristineCopy.load(from: catalogue)
    }
  }

  @Test("Differences list every path missing from one side or with other text, sorted")
  func differences() {
    let carried = PristineCopy(files: ["01/a.swift": "a", "01/b.swift": "b", "01/c.swift": "c"])
    let now = PristineCopy(files: ["01/a.swift": "a", "01/b.swift": "B", "01/d.swift": "d"])
    #expect(carried.differences(from: now) == ["01/b.swift", "01/c.swift", "01/d.swift"])
    #expect(carried.differences(from: carried).isEmpty)
  }

  @Test("The copy a package carries selects one exercise's files by its folder, not a prefix")
  func filesOfExercise() {
    let copy = PristineCopy(files: [
      "01-Passing/Total.swift": "t", "01-Passing/README.md": "r", "01-PassingToo/X.swift": "x",
    ])
    let files = copy.files(of: Exercise(number: "01", name: "Passing"))
    #expect(
      files == [
        "Exercises/01-Passing/Total.swift": "t", "Exercises/01-Passing/README.md": "r",
      ])
  }
}
