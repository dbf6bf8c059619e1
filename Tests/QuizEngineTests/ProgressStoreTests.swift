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

  @Test("sets a corrupt file aside with a warning and starts fresh")
  func corrupt() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("progress.json")
    try Data("{ this is not json".utf8).write(to: url)
    let store = ProgressStore.open(at: url, now: testNow)
    guard case .corruptSetAside(_, let movedTo) = store.warnings.first else {
      Issue.record("expected a corrupt-file warning, got \(store.warnings)")
      return
    }
    #expect(movedTo.hasPrefix(url.path + ".corrupt-"))
    #expect(try String(contentsOfFile: movedTo, encoding: .utf8) == "{ this is not json")
    #expect(store.isSaving)
    #expect(store.file.questions.isEmpty)
    store.update(scheduler.record(nil, correct: true, at: testNow), for: "a")
    #expect(ProgressStore.open(at: url, now: testNow).progress(of: "a") != nil)
  }

  @Test("sets aside a file of the wrong shape, and never overwrites an earlier one set aside")
  func wrongShape() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("progress.json")
    try Data(#"{"schemaVersion": 1, "questions": {"a": {"box": "two"}}}"#.utf8).write(to: url)
    _ = ProgressStore.open(at: url, now: testNow)
    try Data("[]".utf8).write(to: url)
    let second = ProgressStore.open(at: url, now: testNow)
    guard case .corruptSetAside(_, let movedTo) = second.warnings.first else {
      Issue.record("expected a corrupt-file warning, got \(second.warnings)")
      return
    }
    #expect(movedTo.hasSuffix("-2"))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(names.filter { $0.contains(".corrupt-") }.count == 2)
  }

  @Test("sets aside a file that cannot be read")
  func unreadable() throws {
    let folder = try TemporaryFolder()
    let url = folder.path("progress.json")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let store = ProgressStore.open(at: url, now: testNow)
    guard case .unreadableSetAside = store.warnings.first else {
      Issue.record("expected an unreadable-file warning, got \(store.warnings)")
      return
    }
    #expect(store.isSaving)
    store.update(scheduler.record(nil, correct: true, at: testNow), for: "a")
    #expect(ProgressStore.open(at: url, now: testNow).progress(of: "a") != nil)
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
