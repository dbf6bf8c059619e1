import KitEngine
import Testing

/// Scripted events and file snapshots for a watch session, with a log of what it graded.
final class WatchScript {
  var events: [WatchEvent]
  var snapshots: [[String: String]]
  var graded: [(names: [String], fresh: Bool)] = []
  var hinted: [String] = []
  var output = ""

  init(events: [WatchEvent], snapshots: [[String: String]]) {
    self.events = events
    self.snapshots = snapshots
  }

  func session(_ grades: [String: GradeStatus]) -> WatchSession {
    let catalogue = Fixtures.miniCatalogue(root: Fixtures.folder + "/MiniKit")
    return WatchSession(
      catalogue: catalogue, style: .plain, command: "kit",
      nextEvent: { self.events.isEmpty ? .end : self.events.removeFirst() },
      snapshot: {
        self.snapshots.count > 1 ? self.snapshots.removeFirst() : self.snapshots[0]
      },
      grade: { exercises, fresh in
        self.graded.append((exercises.map(\.name), fresh))
        return exercises.map { Grade(exercise: $0, status: grades[$0.name] ?? .passed) }
      },
      hint: { self.hinted.append($0.name) },
      write: { self.output += $0 })
  }
}

@Suite("kit watch, driven by scripted keys and file snapshots")
struct WatchSessionTests {
  @Test("A saved file re-grades only its exercise, then shows its report and the board line")
  func saveRegrades() {
    let before = ["Passing": "a", "Failing": "b", "Crashing": "c"]
    var after = before
    after["Failing"] = "b2"
    let script = WatchScript(
      events: [.tick, .tick, .key("q")], snapshots: [before, before, after])
    script.session(["Failing": .inProgress]).run()
    #expect(script.graded.count == 2)
    #expect(script.graded.last?.names == ["Failing"])
    #expect(script.graded.last?.fresh == true)
    #expect(script.output.contains("02 Failing: in progress"))
    #expect(script.output.contains("checks · 5 of 6 exercises passed"))
    #expect(script.output.hasSuffix("Stopped watching.\n"))
  }

  @Test("The banner fits 80 columns and names the keys on a line of their own")
  func banner() {
    let script = WatchScript(events: [.key("q")], snapshots: [[:]])
    script.session([:]).run()
    let lines = script.output.split(separator: "\n").map(String.init)
    #expect(
      lines.prefix(2) == ["kit watch: save a file in Exercises/ to grade it.", WatchSession.keys])
    #expect(lines[0].count <= 80 && WatchSession.keys.count <= 80)
  }

  @Test("Nothing saved, nothing graded: ticks alone run no tests")
  func ticksAlone() {
    let files = ["Passing": "a"]
    let script = WatchScript(events: [.tick, .tick, .tick], snapshots: [files])
    script.session([:]).run()
    #expect(script.graded.count == 1, "only the first board: \(script.graded.map(\.names))")
  }

  @Test("h shows a hint, n moves to the next exercise, r re-runs it, l lists the board")
  func keys() {
    let script = WatchScript(
      events: [.key("h"), .key("n"), .key("r"), .key("l"), .key("x"), .key("q")],
      snapshots: [[:]])
    script.session(["Failing": .inProgress]).run()
    #expect(script.hinted == ["Failing"])
    #expect(script.graded.last?.names == ["Crashing"])
    #expect(script.output.contains("03 Crashing: passed"))
    #expect(script.output.contains("  01 Passing"))
    #expect(script.output.contains("unknown key 'x'"))
  }

  @Test("A long report is cut to a bounded number of lines, with how to see the rest")
  func boundedReport() {
    var run = TestRun(started: true, ended: true)
    run.tests = (0..<40).map {
      TestRecord(
        id: "FailingTests.S/t\($0)()", displayName: "t\($0)", status: .failed,
        issues: [TestIssue(message: "Expectation failed: \($0)")])
    }
    let catalogue = Fixtures.miniCatalogue(root: Fixtures.folder + "/MiniKit")
    var output = ""
    var events: [WatchEvent] = [.key("q")]
    let session = WatchSession(
      catalogue: catalogue, style: .plain, command: "kit",
      nextEvent: { events.isEmpty ? .end : events.removeFirst() },
      snapshot: { [:] },
      grade: { exercises, _ in
        exercises.map { Grade(exercise: $0, status: .inProgress, run: run) }
      },
      hint: { _ in }, write: { output += $0 })
    session.run()
    let lines = output.split(separator: "\n")
    #expect(lines.count < session.maximumReportLines + 10, "\(lines.count) lines")
    #expect(output.contains("more lines: `kit check passing`"))
  }
}
