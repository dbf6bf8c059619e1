import Foundation
import KitEngine
import Testing

@Suite("Remembering hint levels")
struct KitStateTests {
  @Test("The state lives under XDG_STATE_HOME, else ~/.local/state, else nowhere")
  func location() throws {
    let xdg = try KitStateStore.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
    #expect(xdg.path == "/s/pruning-kit/kit-state.json")
    let home = try KitStateStore.standard(
      environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
    #expect(home.path == "/h/.local/state/pruning-kit/kit-state.json")
    #expect(throws: KitError.self) { try KitStateStore.standard(environment: [:]) }
  }

  @Test("A saved state loads back; a missing file is a fresh start")
  func roundTrip() throws {
    let folder = try makeTemporaryFolder("state")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = KitStateStore(path: "\(folder)/deep/kit-state.json")
    #expect(store.load().state == KitState())
    #expect(store.load().warning == nil)
    try store.save(KitState(hintLevelsSeen: ["WeightPruning": 2]))
    #expect(store.load().state.hintLevelsSeen == ["WeightPruning": 2])
  }

  @Test("A damaged kit state is moved aside, never over an earlier one, with a warning")
  func damaged() throws {
    let folder = try makeTemporaryFolder("state")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = KitStateStore(path: "\(folder)/kit-state.json")
    let damaged = #"{"version": 1, "hintLevelsSeen": "two"}"#
    try write("earlier", to: store.path + ".corrupt-1")
    try write(damaged, to: store.path)
    let (state, warning) = store.load()
    #expect(state == KitState())
    #expect(warning?.contains("moved to \(store.path).corrupt-2") == true)
    let earlier = try String(contentsOfFile: store.path + ".corrupt-1", encoding: .utf8)
    #expect(earlier == "earlier")
    let aside = try String(contentsOfFile: store.path + ".corrupt-2", encoding: .utf8)
    #expect(aside == damaged)
  }

  @Test(
    "A file the kit did not write is left as it is by load and by save",
    arguments: ["{ not json", "[]", #"{"notes": "mine"}"#])
  func foreignFile(contents: String) throws {
    let folder = try makeTemporaryFolder("state")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = KitStateStore(path: "\(folder)/kit-state.json")
    try write(contents, to: store.path)
    let (state, warning) = store.load()
    #expect(state == KitState())
    #expect(warning?.contains("left as it is") == true)
    #expect(throws: KitError.self) { try store.save(KitState(hintLevelsSeen: ["A": 1])) }
    let after = try String(contentsOfFile: store.path, encoding: .utf8)
    #expect(after == contents)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(names == ["kit-state.json"])
  }

  @Test("A folder at the state's path is left as it is, with everything in it")
  func folderAtPath() throws {
    let folder = try makeTemporaryFolder("state")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = KitStateStore(path: "\(folder)/kit-state.json")
    try write("mine", to: store.path + "/notes.txt")
    let warning = store.load().warning
    #expect(warning?.contains("is a folder") == true)
    #expect(throws: KitError.self) { try store.save(KitState(hintLevelsSeen: ["A": 1])) }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(names == ["kit-state.json"])
    let inside = try FileManager.default.contentsOfDirectory(atPath: store.path)
    #expect(inside == ["notes.txt"])
  }
}
