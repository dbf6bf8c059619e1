import Foundation
import KitEngine
import Testing

@Suite("Remembering hint levels")
struct KitStateTests {
  @Test("The state lives under XDG_STATE_HOME, else ~/.local/state")
  func location() {
    let xdg = KitStateStore.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
    #expect(xdg.path == "/s/pruning-kit/kit-state.json")
    let home = KitStateStore.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
    #expect(home.path == "/h/.local/state/pruning-kit/kit-state.json")
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

  @Test("A corrupt file gives a warning and a fresh state, and is kept aside, not lost")
  func corrupt() throws {
    let folder = try makeTemporaryFolder("state")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = KitStateStore(path: "\(folder)/kit-state.json")
    try write("{ not json", to: store.path)
    let (state, warning) = store.load()
    #expect(state == KitState())
    #expect(warning?.contains("kit-state.json.corrupt") == true)
    #expect(try String(contentsOfFile: store.path + ".corrupt", encoding: .utf8) == "{ not json")
  }
}
