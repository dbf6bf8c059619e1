import KitSupport
import Testing

@Suite("The state folder rule")
struct StatePathTests {
  @Test("XDG_STATE_HOME when it is absolute, else HOME's .local/state, else an error")
  func rule() throws {
    let both = ["XDG_STATE_HOME": "/s", "HOME": "/h"]
    #expect(try StatePath.folder(environment: both) == "/s/pruning-kit")
    #expect(
      try StatePath.folder(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/h"]) == "/s/pruning-kit"
    )
    let relative = ["XDG_STATE_HOME": "relative", "HOME": "/h"]
    #expect(try StatePath.folder(environment: relative) == "/h/.local/state/pruning-kit")
    let empty = ["XDG_STATE_HOME": "", "HOME": "/h/"]
    #expect(try StatePath.folder(environment: empty) == "/h/.local/state/pruning-kit")
    #expect(throws: StatePathError.noStateHome) { try StatePath.folder(environment: [:]) }
    #expect(throws: StatePathError.noStateHome) {
      try StatePath.folder(environment: ["XDG_STATE_HOME": "rel", "HOME": ""])
    }
    #expect(StatePathError.noStateHome.description.contains("XDG_STATE_HOME"))
  }

  @Test("An item is a path inside the folder")
  func item() throws {
    let path = try StatePath.item("progress.json", environment: ["HOME": "/h"])
    #expect(path == "/h/.local/state/pruning-kit/progress.json")
  }
}
