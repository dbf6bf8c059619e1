import Foundation
import KitEngine
import Testing

@Suite("FileEvents: a save in a watched folder is reported at once")
struct FileEventsTests {
  /// The longest a test waits for an event that should come; it only bounds a failure.
  static let patience: Int32 = 5_000

  @Test("A file written in place, or saved by rename over the old one, is reported once")
  func saves() throws {
    let folder = try makeTemporaryFolder("events")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/Pruning.swift"
    try "let a = 1\n".write(toFile: file, atomically: false, encoding: .utf8)
    let events = FileEvents(folders: [folder])
    #if os(Linux)
      try #require(events.descriptor != nil)
      #expect(!events.wait(milliseconds: 0), "nothing has changed yet")
      try "let a = 2\n".write(toFile: file, atomically: false, encoding: .utf8)
      #expect(events.wait(milliseconds: Self.patience), "a write in place")
      #expect(!events.wait(milliseconds: 0), "the events of one save are drained together")
      try "let a = 3\n".write(toFile: file, atomically: true, encoding: .utf8)
      #expect(events.wait(milliseconds: Self.patience), "a save by rename")
    #else
      #expect(events.descriptor == nil)
      #expect(!events.wait(milliseconds: 0))
    #endif
  }

  @Test("A change outside the watched folders, or in a subfolder not named, is not reported")
  func elsewhere() throws {
    let folder = try makeTemporaryFolder("events-elsewhere")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/watched/nested", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: folder + "/other", withIntermediateDirectories: true)
    let events = FileEvents(folders: [folder + "/watched"])
    try "x\n".write(toFile: folder + "/other/File.swift", atomically: false, encoding: .utf8)
    try "x\n".write(
      toFile: folder + "/watched/nested/File.swift", atomically: false, encoding: .utf8)
    #expect(!events.wait(milliseconds: 200))
  }

  @Test("Folders that cannot be watched leave no descriptor, and waiting returns at once")
  func nothingToWatch() throws {
    let folder = try makeTemporaryFolder("events-missing")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/NotAFolder.swift"
    try "x\n".write(toFile: file, atomically: false, encoding: .utf8)
    let events = FileEvents(folders: [folder + "/missing", file])
    #expect(events.descriptor == nil)
    #expect(!events.wait(milliseconds: Self.patience))
    #expect(!events.drain())
  }
}
