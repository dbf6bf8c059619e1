import KitEngine
import KitSupport
import Testing

@Suite("The progress board")
struct StatusBoardTests {
  let catalogue = Fixtures.miniCatalogue()

  func grade(_ index: Int, _ status: GradeStatus, passed: Int = 0, total: Int = 0) -> Grade {
    let tests = (0..<total).map {
      TestRecord(id: "T.S/t\($0)()", displayName: "t\($0)", status: $0 < passed ? .passed : .failed)
    }
    return Grade(
      exercise: catalogue.exercises[index], status: status,
      run: TestRun(tests: tests, started: true, ended: true))
  }

  var grades: [Grade] {
    [
      grade(0, .passed, passed: 2, total: 2),
      grade(1, .inProgress, passed: 1, total: 2),
      grade(
        2,
        .crashed(
          CrashReport(
            message: "Index out of range",
            location: SourceLocation(path: "Exercises/03-Crashing/Second.swift", line: 9))),
        passed: 1, total: 2),
      grade(3, .timedOut(seconds: 5), passed: 1, total: 2),
      grade(
        4,
        .doesNotCompile(
          nil, message: "cannot find 'factor' in scope at Exercises/05-Broken/Doubled.swift:9")),
      grade(5, .notStarted, passed: 0, total: 2),
    ]
  }

  @Test("Every row says its status in words, with its checks")
  func rows() {
    let text = StatusBoard(
      catalogue: catalogue, grades: grades, style: .plain, command: "kit"
    ).render()
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("  01 Passing    passed") && lines[0].hasSuffix("2/2"))
    #expect(lines[1].contains("in progress") && lines[1].hasSuffix("1/2"))
    #expect(
      lines[2].hasSuffix(
        "crashed: Index out of range at Exercises/03-Crashing/Second.swift:9 — 1/2 passed before it stopped"
      ))
    #expect(lines[3].hasSuffix("timed out after 5 s — 1/2 passed before it stopped"))
    #expect(
      lines[4].hasSuffix(
        "does not compile: cannot find 'factor' in scope at Exercises/05-Broken/Doubled.swift:9"))
    #expect(lines[5].contains("not started") && lines[5].hasSuffix("0/2"))
    #expect(text.contains("5/10 checks · 1 of 6 exercises passed"))
    #expect(!text.contains("\u{1B}["))
  }

  @Test("A crash or a time-out names the one test running and counts every test that ended")
  func runningTest() {
    let tests =
      (0..<41).map { TestRecord(id: "T.S/p\($0)()", displayName: "p\($0)", status: .passed) }
      + [
        TestRecord(
          id: "T.S/trap()", displayName: "The σ rule keeps the outliers",
          location: SourceLocation(path: "Tests/CrashingTests/SecondTests.swift", line: 30),
          status: .unfinished)
      ]
      + (0..<6).map { TestRecord(id: "T.S/n\($0)()", displayName: "n\($0)", status: .notRun) }
    let run = TestRun(tests: tests, started: true, ended: false)
    let crash = Grade(
      exercise: catalogue.exercises[2],
      status: .crashed(CrashReport(message: "Fatal error: boom")), run: run)
    let slow = Grade(exercise: catalogue.exercises[3], status: .timedOut(seconds: 60), run: run)
    let board = StatusBoard(
      catalogue: catalogue, grades: [crash, slow], style: .plain, command: "kit")
    let crashRow = board.row(for: crash)
    #expect(
      crashRow
        == "crashed in \"The σ rule keeps the outliers\" (Tests/CrashingTests/SecondTests.swift:30): "
        + "Fatal error: boom — 41/48 passed before it stopped")
    let slowRow = board.row(for: slow)
    #expect(
      slowRow
        == "timed out after 60 s in \"The σ rule keeps the outliers\" "
        + "(Tests/CrashingTests/SecondTests.swift:30) — 41/48 passed before it stopped")
  }

  @Test("The total is the catalogue's: a crash or a compile error never shrinks it")
  func totalNeverShrinks() {
    var crashed = grade(2, .crashed(CrashReport(message: "boom")), passed: 1, total: 1)
    crashed.run.ended = false
    crashed.declaredCount = 2
    var broken = grade(4, .doesNotCompile(nil, message: "error"))
    broken.declaredCount = 3
    var passed = grade(0, .passed, passed: 2, total: 2)
    passed.declaredCount = 2
    let board = StatusBoard(
      catalogue: catalogue, grades: [passed, crashed, broken], style: .plain, command: "kit")
    let text = board.render()
    #expect(text.contains("3/7 checks · 1 of 3 exercises passed"), "the board:\n\(text)")
    #expect(board.row(for: crashed).hasSuffix("1/2 passed before it stopped"))
  }

  @Test("The next step is the first exercise that does not pass, with the check command")
  func nextStep() {
    let board = StatusBoard(catalogue: catalogue, grades: grades, style: .plain, command: "kit")
    #expect(
      board.nextStep == "Next: 02 Failing — edit Exercises/02-Failing/…, then `kit check failing`")
    let crashFirst = StatusBoard(
      catalogue: catalogue, grades: Array(grades[2...]), style: .plain, command: "kit")
    #expect(
      crashFirst.nextStep
        == "Next: 03 Crashing — fix the crash at Exercises/03-Crashing/Second.swift:9, then `kit check crashing`"
    )
    let fresh = StatusBoard(
      catalogue: catalogue, grades: [grade(5, .notStarted, total: 2)], style: .plain,
      command: "swift run kit")
    #expect(fresh.nextStep.contains("read Exercises/06-Untouched/README.md"))
  }

  @Test("When every available exercise passes, the next step points to the references")
  func allPassed() {
    let board = StatusBoard(
      catalogue: catalogue,
      grades: [grade(0, .passed, passed: 2, total: 2), grade(1, .unavailable)],
      style: .plain, command: "kit")
    #expect(board.nextStep.hasPrefix("All exercises pass (1 more to come)."))
    #expect(board.render().contains("not available yet"))
  }

  @Test("A build that fails outside the exercises is said once, under the board")
  func buildFailed() {
    let board = StatusBoard(
      catalogue: catalogue, grades: [grade(0, .buildFailed("Sources/Core/A.swift:3: oops"))],
      style: .plain, command: "kit")
    #expect(board.render().contains("not graded: the build failed outside the exercises"))
    #expect(board.nextStep.contains("The kit does not build: Sources/Core/A.swift:3: oops"))
  }

  @Test("Colour wraps the status words only when enabled, and the words stay")
  func colour() {
    let colour = TextStyle(usesColor: true)
    let board = StatusBoard(catalogue: catalogue, grades: grades, style: colour, command: "kit")
    let row = board.row(for: grades[0])
    #expect(row.contains("\u{1B}[32mpassed"))
    #expect(TextStyle.detect(isTerminal: true, environment: [:]).usesColor)
    #expect(!TextStyle.detect(isTerminal: false, environment: [:]).usesColor)
    #expect(!TextStyle.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).usesColor)
    #expect(TextStyle.detect(isTerminal: true, environment: ["NO_COLOR": ""]).usesColor)
    #expect(!TextStyle.detect(isTerminal: true, environment: ["TERM": "dumb"]).usesColor)
  }

  @Test("The progress bar fills in proportion, full only when all is done")
  func progressBar() {
    #expect(ProgressBar(done: 0, total: 10, width: 10).text == "[----------]")
    #expect(ProgressBar(done: 5, total: 10, width: 10).text == "[#####-----]")
    #expect(ProgressBar(done: 99, total: 100, width: 10).text == "[#########-]")
    #expect(ProgressBar(done: 12, total: 10, width: 4).text == "[####]")
    #expect(ProgressBar(done: 0, total: 0, width: 4).text == "[----]")
  }
}
