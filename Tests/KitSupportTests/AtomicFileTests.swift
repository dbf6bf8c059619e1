import Foundation
import KitSupport
import Testing

@Suite("Atomic file writes")
struct AtomicFileTests {
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("kit-support-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("Creates, then replaces a file, leaving no temporary file behind")
  func replace() throws {
    let root = try folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("state.json")
    try AtomicFile.write(Data("one".utf8), to: target)
    try AtomicFile.write(Data("two".utf8), to: target)
    let text = try String(contentsOf: target, encoding: .utf8)
    #expect(text == "two")
    let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
    #expect(names == ["state.json"])
  }

  @Test("A missing folder fails with the system's reason")
  func missingFolder() throws {
    let root = try folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("missing/state.json")
    let failure = #expect(throws: AtomicFile.Failure.self) {
      try AtomicFile.write(Data("x".utf8), to: target)
    }
    #expect(failure?.reason == "No such file or directory")
  }

  @Test("A file already at the temporary name is never overwritten, nor is the target")
  func neverOverwritesAStranger() throws {
    let root = try folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("state.json")
    try Data("old".utf8).write(to: target)
    let pid = ProcessInfo.processInfo.processIdentifier
    let stranger = root.appendingPathComponent(".state.json.\(pid).tmp")
    try Data("not ours".utf8).write(to: stranger)
    #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data("new".utf8), to: target) }
    #expect(try String(contentsOf: stranger, encoding: .utf8) == "not ours")
    #expect(try String(contentsOf: target, encoding: .utf8) == "old")
  }
}
