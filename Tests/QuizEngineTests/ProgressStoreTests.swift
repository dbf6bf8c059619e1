import Foundation
import QuizEngine
import Testing

@Suite("The progress store")
struct ProgressStoreTests {
  let scheduler = LeitnerScheduler()

  @Test("writes versioned JSON keyed by question id and reads it back")
  func roundTrip() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("state/pruning-kit/progress.json")
    let store = ProgressStore.open(at: url, now: testNow)
    #expect(store.warnings.isEmpty)
    #expect(store.isSaving)
    let record = scheduler.record(nil, correct: true, at: testNow)
    #expect(store.update(record, for: "nm-definition") == nil)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    #expect(json?["schemaVersion"] as? Int == 1)
    #expect((json?["questions"] as? [String: Any])?["nm-definition"] != nil)
    let reopened = ProgressStore.open(at: url, now: testNow)
    #expect(reopened.progress(of: "nm-definition") == record)
  }

  @Test("writes atomically, leaving no temporary file behind")
  func atomic() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("progress.json")
    let store = ProgressStore.open(at: url, now: testNow)
    for index in 0..<5 {
      store.update(
        scheduler.record(nil, correct: index.isMultiple(of: 2), at: testNow), for: "q\(index)")
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(names == ["progress.json"])
  }

  @Test("sets aside a progress file with damaged records, never overwriting an earlier one")
  func damagedProgressFile() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("progress.json")
    let damaged = #"{"schemaVersion": 1, "questions": {"a": {"box": "two"}}}"#
    try Data(damaged.utf8).write(to: url)
    let first = ProgressStore.open(at: url, now: testNow)
    guard case .corruptSetAside(_, let firstMovedTo) = first.warnings.first else {
      Issue.record("expected a corrupt-file warning, got \(first.warnings)")
      return
    }
    #expect(firstMovedTo.hasPrefix(url.path + ".corrupt-"))
    #expect(try String(contentsOfFile: firstMovedTo, encoding: .utf8) == damaged)
    #expect(first.isSaving)
    try Data(damaged.utf8).write(to: url)
    let second = ProgressStore.open(at: url, now: testNow)
    guard case .corruptSetAside(_, let movedTo) = second.warnings.first else {
      Issue.record("expected a corrupt-file warning, got \(second.warnings)")
      return
    }
    #expect(movedTo.hasSuffix("-2"))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(names.filter { $0.contains(".corrupt-") }.count == 2)
    second.update(scheduler.record(nil, correct: true, at: testNow), for: "a")
    #expect(ProgressStore.open(at: url, now: testNow).progress(of: "a") != nil)
  }

  @Test(
    "leaves a file that is not a progress file exactly as it is and does not save",
    arguments: ["{ this is not json", "[]", #"{"notes": "mine"}"#, ""])
  func notAProgressFile(contents: String) throws {
    let folder = try TemporaryFolder()
    let url = folder.path("progress.json")
    try Data(contents.utf8).write(to: url)
    let store = ProgressStore.open(at: url, now: testNow)
    let warnings = store.warnings
    #expect(warnings == [.leftAlone(path: url.path, reason: "it is not a quiz progress file")])
    #expect(!store.isSaving)
    store.update(scheduler.record(nil, correct: true, at: testNow), for: "a")
    let after = try String(contentsOf: url, encoding: .utf8)
    #expect(after == contents)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(names == ["progress.json"])
  }

  @Test("leaves a folder at the path, and everything in it, where it is")
  func folderLeftAlone() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("notes")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try Data("my notes".utf8).write(to: url.appendingPathComponent("todo.txt"))
    let store = ProgressStore.open(at: url, now: testNow)
    guard case .leftAlone(let path, let reason) = store.warnings.first else {
      Issue.record("expected a left-alone warning, got \(store.warnings)")
      return
    }
    #expect(path == url.path)
    #expect(reason.contains("it is a folder"))
    #expect(!store.isSaving)
    store.update(scheduler.record(nil, correct: true, at: testNow), for: "a")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(names == ["notes"])
    let inside = try FileManager.default.contentsOfDirectory(atPath: url.path)
    #expect(inside == ["todo.txt"])
    let notes = try String(contentsOf: url.appendingPathComponent("todo.txt"), encoding: .utf8)
    #expect(notes == "my notes")
  }

  @Test("never overwrites a file already at the temporary name")
  func temporaryNameTaken() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("progress.json")
    let store = ProgressStore.open(at: url, now: testNow)
    let temporary = folder.path(".progress.json.\(getpid()).tmp")
    try Data("someone else's".utf8).write(to: temporary)
    let warning = store.update(scheduler.record(nil, correct: true, at: testNow), for: "a")
    #expect(warning != nil)
    #expect(try String(contentsOf: temporary, encoding: .utf8) == "someone else's")
  }

  @Test("leaves a file from a newer version alone and does not save over it")
  func newerVersion() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("progress.json")
    let future = #"{"schemaVersion": 99, "questions": {}, "more": true}"#
    try Data(future.utf8).write(to: url)
    let store = ProgressStore.open(at: url, now: testNow)
    #expect(store.warnings == [.newerVersion(path: url.path, version: 99)])
    #expect(!store.isSaving)
    store.update(scheduler.record(nil, correct: true, at: testNow), for: "a")
    #expect(try String(contentsOf: url, encoding: .utf8) == future)
  }

  @Test("turns saving off with a warning when the folder cannot be created")
  func unwritableFolder() throws {
    let folder = try TemporaryFolder()
    let blocker = folder.path("not-a-folder")
    try Data("x".utf8).write(to: blocker)
    let url = blocker.appendingPathComponent("pruning-kit/progress.json")
    let store = ProgressStore.open(at: url, now: testNow)
    guard case .cannotCreateFolder = store.warnings.first else {
      Issue.record("expected a folder warning, got \(store.warnings)")
      return
    }
    #expect(!store.isSaving)
    #expect(store.update(scheduler.record(nil, correct: true, at: testNow), for: "a") == nil)
    #expect(store.progress(of: "a") != nil)
  }

  @Test("reports a failed save once and then stops saving")
  func failedSave() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("state/progress.json")
    let store = ProgressStore.open(at: url, now: testNow)
    try FileManager.default.removeItem(at: folder.path("state"))
    let record = scheduler.record(nil, correct: true, at: testNow)
    guard case .cannotSave = store.update(record, for: "a") else {
      Issue.record("expected a save warning")
      return
    }
    #expect(!store.isSaving)
    #expect(store.update(record, for: "b") == nil)
  }

  @Test("lives under XDG_STATE_HOME, else ~/.local/state, ignoring a relative XDG_STATE_HOME")
  func defaultLocation() {
    #expect(
      ProgressStore.defaultURL(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path
        == "/s/pruning-kit/progress.json")
    #expect(
      ProgressStore.defaultURL(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])?.path
        == "/h/.local/state/pruning-kit/progress.json")
    #expect(
      ProgressStore.defaultURL(environment: ["HOME": "/h"])?.path
        == "/h/.local/state/pruning-kit/progress.json")
    #expect(ProgressStore.defaultURL(environment: [:]) == nil)
  }
}
