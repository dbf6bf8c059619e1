import Foundation
import KitEngine
import KitSupport
import QuizEngine
import Testing

/// A clock the tests move by hand.
private final class ManualClock: @unchecked Sendable {
  var now = Date(timeIntervalSince1970: 1_800_000_000)
  func advance(_ seconds: Double) { now = now.addingTimeInterval(seconds) }
}

/// Scripted answers, each taking a given number of seconds on the manual clock; then input ends.
private final class TimedConsole: Console {
  private var steps: [(line: String, seconds: Double)]
  private let clock: ManualClock
  private(set) var output = ""
  private(set) var errors = ""
  let outputIsTerminal: Bool
  let errorIsTerminal = false
  let columns: Int? = nil

  init(_ steps: [(String, Double)], clock: ManualClock, isTerminal: Bool = false) {
    self.steps = steps.map { (line: $0.0, seconds: $0.1) }
    self.clock = clock
    self.outputIsTerminal = isTerminal
  }

  func write(_ text: String) { output += text }
  func writeError(_ text: String) { errors += text }
  func readLine() -> String? { readLine(before: nil).text }

  /// The next step: its line once its seconds have passed, unless the deadline comes first
  /// (the clock then stops at the deadline and the line is lost, as if typed too late);
  /// `^C` is a Ctrl-C at the prompt.
  func readLine(before deadline: Date?) -> LineInput {
    guard !steps.isEmpty else { return .ended }
    let step = steps.removeFirst()
    if let deadline, clock.now.addingTimeInterval(step.seconds) > deadline {
      clock.now = max(clock.now, deadline)
      return .timedOut
    }
    clock.advance(step.seconds)
    if step.line == "^C" { return .interrupted }
    output += step.line + "\n"
    return .line(step.line)
  }
}

/// A small bank of numeric questions whose answer is always 1, so "1" is right and "2" wrong.
private func makeBank() -> Bank {
  let topics = ["formats", "criteria", "ratios", "schedules"]
  var questions: [Question] = []
  for (index, topic) in [
    "formats", "formats", "formats", "criteria", "criteria", "ratios", "ratios", "schedules",
  ].enumerated() {
    questions.append(
      Question(
        id: "\(topic)-\(index)", topic: topic,
        kind: .numeric(Question.NumericAnswer(value: 1, tolerance: 0)),
        prompt: LocalizedText(en: "Question \(index)?", zh: "问题 \(index)？"),
        explanation: LocalizedText(en: "Because \(index).", zh: "因为 \(index)。"),
        source: "test"))
  }
  return Bank(
    topics: topics.map { Topic(id: $0, name: LocalizedText(en: "Topic \($0)", zh: "主题 \($0)")) },
    questions: questions)
}

private let exercise = Exercise(number: "01", name: "WeightPruning")

/// A grade with `passed` of `count` checks passing.
private func grade(_ passed: Int, of count: Int, status: GradeStatus? = nil) -> Grade {
  let tests = (0..<count).map {
    TestRecord(
      id: "WeightPruningTests.S/t\($0)()", displayName: "t\($0)",
      status: $0 < passed ? .passed : .failed)
  }
  return Grade(
    exercise: exercise,
    status: status ?? (passed == count ? .passed : .inProgress),
    run: TestRun(tests: tests, started: true, ended: true), declaredCount: count)
}

/// Everything one scripted interview produced.
private struct InterviewRun {
  var report: InterviewReport
  var output: String
  var saved: [String]
  var store: ProgressStore
}

private func interview(
  _ steps: [(String, Double)], minutes: Int = 10, language: Language = .english,
  grades: [(Grade, Double)] = [], withTask: Bool = true, interruptsGrading: Bool = false,
  isTerminal: Bool = false, renderGrade: ((Grade) -> String)? = nil,
  store: ProgressStore = .inMemory()
) -> InterviewRun {
  let clock = ManualClock()
  let console = TimedConsole(steps, clock: clock, isTerminal: isTerminal)
  nonisolated(unsafe) var remaining = grades
  nonisolated(unsafe) var saved: [String] = []
  nonisolated(unsafe) var graded = false
  let task = InterviewTask(
    exercise: exercise, isScratch: false, brief: "# 01 WeightPruning\nPrune the weights.",
    folder: "Exercises/01-WeightPruning",
    hints: [HintLevel(number: 1, title: "Ranking", body: "Sort by magnitude.")],
    alias: "weight")
  let session = InterviewSession(
    console: console, bank: makeBank(), store: store,
    options: InterviewOptions(minutes: minutes, seed: 7), language: language, seed: 7,
    style: TextStyle(usesColor: false), task: withTask ? task : nil,
    noTaskReason: withTask ? nil : "every exercise passes",
    now: { clock.now },
    grade: { _ in
      graded = true
      guard !remaining.isEmpty else { return grade(0, of: 5) }
      let (result, seconds) = remaining.removeFirst()
      clock.advance(seconds)
      return result
    },
    renderGrade: renderGrade,
    save: { saved.append($0.markdown) },
    interrupted: { interruptsGrading && graded })
  let report = session.run()
  return InterviewRun(report: report, output: console.output, saved: saved, store: store)
}

@Suite("kit interview")
struct InterviewTests {
  @Test("A whole interview: answers judged after each round, a pass after a hint, a verdict")
  func wholeInterview() throws {
    // 10 minutes: concepts 200 s (3 questions), coding 300 s, follow-ups 100 s (2 questions).
    let result = interview(
      [("1", 10), ("2", 10), ("1", 10), ("c", 5), ("h", 5), ("c", 5), ("1", 10), ("1", 10)],
      grades: [(grade(3, of: 5), 20), (grade(5, of: 5), 20)])
    let record = result.report.record
    #expect(record.stage == .finished)
    #expect(record.endedEarly == nil)
    let concepts = record.concepts.map(\.outcome)
    #expect(concepts == [.correct, .wrong, .correct])
    let coding = try #require(record.coding)
    #expect(coding.isPassed && coding.hintsUsed == 1 && coding.attempts.count == 2)
    #expect(coding.passedChecks == 5 && coding.checkCount == 5)
    // Round 2 starts at 30 s; the pass comes at 5 + 20 + 5 + 5 + 20 = 55 s into it.
    #expect(coding.secondsUsed == 55)
    let followUps = record.followUps
    #expect(followUps.count == 2 && followUps.allSatisfy { $0.isCorrect })
    // Follow-ups come from the topics mapped to WeightPruning, never repeating a concept question.
    let mapped = Set(InterviewSession.followUpTopics["WeightPruning"] ?? [])
    #expect(followUps.allSatisfy { mapped.contains($0.topic) })
    #expect(Set(followUps.map(\.questionID)).isDisjoint(with: record.concepts.map(\.questionID)))

    let report = result.report
    #expect(abs(report.conceptPoints - 20) < 1e-9)
    #expect(abs(report.correctnessPoints - 40) < 1e-9)
    #expect(abs(report.timePoints - (10 - 5 * 55.0 / 300)) < 1e-9)
    #expect(report.hintPoints == -5)
    #expect(abs(report.followUpPoints - 20) < 1e-9)
    #expect(abs(report.total - (20 + 40 + 10 - 5 * 55.0 / 300 - 5 + 20)) < 1e-9)
    #expect(report.verdict == "strong")
    let missed = try #require(record.concepts.first { !$0.isCorrect })
    #expect(report.reviewTopics == [missed.topic])

    // Feedback waits for the end of the round: no verdict before the feedback heading.
    let output = result.output
    let feedback = try #require(output.range(of: "Feedback on this round"))
    let beforeFeedback = output[..<feedback.lowerBound]
    #expect(!beforeFeedback.contains("Correct.") && !beforeFeedback.contains("Incorrect."))
    #expect(output[feedback.lowerBound...].contains("Incorrect."))
    #expect(output.contains("Hint 1: Ranking"))
    #expect(output.contains("3 of 5 checks pass"))
    #expect(output.contains("# Mock interview report"))
    // Every answer was recorded in the quiz progress, and the report saved after each step.
    #expect(result.store.file.questions.count == 5)
    let last = try #require(result.saved.last)
    #expect(last == report.markdown)
    #expect(result.saved.count >= 8)
    #expect(!last.contains("Partial report"))
    #expect(last.contains("`swift run quiz --topic \(missed.topic)`"))
  }

  @Test("The concept round's time runs out: the questions not reached count as missed")
  func conceptTimeout() throws {
    // 200 s for concepts; the first answer comes at exactly 200 s, so no other is asked.
    let result = interview([("1", 200), ("d", 1), ("1", 1), ("1", 1)], grades: [])
    let record = result.report.record
    #expect(record.concepts.map(\.outcome) == [.correct, nil, nil])
    #expect(result.output.contains("Time is up for this round: 2 question(s) not reached."))
    #expect(abs(result.report.conceptPoints - 10) < 1e-9)
    #expect(record.stage == .finished)
  }

  @Test("The coding round's time runs out while grading: no pass, no time points")
  func codingTimeout() throws {
    let result = interview(
      [("1", 1), ("1", 1), ("1", 1), ("c", 1), ("1", 1), ("1", 1)],
      grades: [(grade(5, of: 5), 400)])
    let coding = try #require(result.report.record.coding)
    #expect(!coding.isPassed && coding.timedOut)
    #expect(result.report.timePoints == 0)
    #expect(result.output.contains("Time is up for the coding round."))
    #expect(result.report.record.stage == .finished)
  }

  @Test("A key typed after the coding round's time ran out is not acted on")
  func codingLateKey() throws {
    let result = interview([("1", 1), ("1", 1), ("1", 1), ("h", 400), ("1", 1), ("1", 1)])
    let coding = try #require(result.report.record.coding)
    #expect(coding.hintsUsed == 0 && coding.timedOut)
    #expect(!result.output.contains("Hint 1"))
    #expect(result.report.hintPoints == 0)
  }

  @Test("The follow-ups' time runs out while the learner is at the second prompt")
  func followUpTimeout() throws {
    let result = interview(
      [("1", 1), ("1", 1), ("1", 1), ("d", 1), ("1", 60), ("1", 60)], grades: [])
    #expect(result.report.record.followUps.map(\.outcome) == [.correct, nil])
    #expect(result.output.contains("Time is up for this round, mid-answer: 1 question(s)"))
    #expect(result.report.record.roundsCutShort == ["round 3: time ran out"])
    #expect(abs(result.report.followUpPoints - 10) < 1e-9)
    #expect(result.report.record.stage == .finished)
  }

  @Test("Input ends in the coding round: the partial report is saved and printed")
  func endOfInput() throws {
    let result = interview(
      [("1", 1), ("2", 1), ("1", 1), ("c", 1)], grades: [(grade(2, of: 5), 5)])
    let record = result.report.record
    #expect(record.stage == .coding)
    #expect(record.endedEarly == "input ended during round 2")
    #expect(record.coding?.passedChecks == 2)
    let saved = try #require(result.saved.last)
    #expect(saved.contains("**Partial report**: the interview stopped during the coding round"))
    #expect(saved.contains("2/5 checks pass"))
    #expect(result.output.contains("# Mock interview report"))
  }

  @Test("Input ends in the concept round: the rounds not reached score 0 of 100")
  func endInConcepts() throws {
    let result = interview([("1", 1)])
    let record = result.report.record
    #expect(record.stage == .concepts)
    #expect(record.concepts.map(\.outcome) == [.correct, nil, nil])
    #expect(result.report.maximum == 100)
    #expect(abs(result.report.total - 10) < 1e-9)
    let saved = try #require(result.saved.last)
    #expect(saved.contains("| Coding | 0 | 50 | not reached |"))
    #expect(saved.contains("| Follow-ups | 0 | 20 | not reached |"))
    #expect(!saved.contains("0 of 0"))
    #expect(saved.contains("**Score: 10 / 100, not yet**"))
  }

  @Test("Ctrl-C during a grading stops the interview with the partial report")
  func interruptWhileGrading() throws {
    let result = interview(
      [("1", 1), ("1", 1), ("1", 1), ("c", 1), ("1", 1)], grades: [(grade(2, of: 5), 5)],
      interruptsGrading: true)
    let record = result.report.record
    #expect(record.stage == .coding)
    #expect(record.endedEarly == "stopped by Ctrl-C during round 2")
    #expect(record.followUps.isEmpty)
    let saved = try #require(result.saved.last)
    #expect(
      saved.contains(
        "**Partial report**: the interview stopped during the coding round"
          + " (stopped by Ctrl-C during round 2)"))
  }

  @Test("A crash in the coding task is reported and the interview goes on")
  func crashInTask() throws {
    let crash = grade(
      1, of: 5,
      status: .crashed(
        CrashReport(
          message: "Fatal error: Index out of range",
          location: SourceLocation(path: "Exercises/01-WeightPruning/PruneCount.swift", line: 12))))
    let result = interview(
      [("1", 1), ("1", 1), ("1", 1), ("c", 1), ("d", 1), ("1", 1), ("2", 1)],
      grades: [(crash, 3)])
    #expect(
      result.output.contains(
        "the tests crashed: Fatal error: Index out of range "
          + "(Exercises/01-WeightPruning/PruneCount.swift:12); 1 of 5 checks pass"))
    let record = result.report.record
    #expect(record.stage == .finished)
    #expect(record.followUps.map(\.outcome) == [.correct, .wrong])
    #expect(abs(result.report.correctnessPoints - 8) < 1e-9)
  }

  @Test("Without a coding task the score is out of 50")
  func noTask() {
    let result = interview([("1", 1), ("1", 1), ("1", 1), ("1", 1), ("1", 1)], withTask: false)
    #expect(result.report.maximum == 50)
    #expect(result.report.record.codingSkipped == "every exercise passes")
    #expect(abs(result.report.total - 50) < 1e-9)
  }

  @Test("The report speaks Chinese under --lang zh")
  func chinese() {
    let result = interview(
      [("1", 1), ("1", 1), ("1", 1), ("d", 1), ("1", 1), ("1", 1)], language: .chinese)
    #expect(result.report.markdown.contains("# 模拟面试报告"))
    #expect(result.report.markdown.contains("## 接下来复习"))
    #expect(result.output.contains("第 1 环节，共 3 个"))
  }

  @Test("A report never overwrites a file it did not write")
  func reportFile() throws {
    let folder = try makeTemporaryFolder("interview")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let started = Date(timeIntervalSince1970: 1_800_000_000)
    let taken = folder + "/interview-20270115-080000.md"
    try write("someone else's notes\n", to: taken)
    let file = InterviewReportFile(folder: folder, started: started)
    file.save("first\n")
    file.save("second\n")
    let path = try #require(file.path)
    #expect(path == folder + "/interview-20270115-080000-2.md")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
    #expect(try String(contentsOfFile: taken, encoding: .utf8) == "someone else's notes\n")
  }

  @Test("The command line: interview with its options, and those options elsewhere")
  func commandLine() throws {
    let invocation = try KitInvocation.parse([
      "interview", "--minutes", "10", "--lang", "zh", "--seed", "7", "--topic", "nm,Formats",
    ])
    #expect(
      invocation.command
        == .interview(
          InterviewOptions(minutes: 10, language: .chinese, seed: 7, topics: ["nm", "formats"])))
    #expect(try KitInvocation.parse(["interview"]).command == .interview(InterviewOptions()))
    #expect(throws: KitError.usage("--minutes needs a whole number from 3 to 240, not '0'")) {
      try KitInvocation.parse(["interview", "--minutes", "0"])
    }
    #expect(throws: KitError.usage("unknown option '--minutes'; `kit --help` lists the options")) {
      try KitInvocation.parse(["status", "--minutes", "5"])
    }
  }

  // MARK: Defects found by trying it

  @Test("A failing grading shows its failing checks, bounded to a screenful")
  func failingChecksShown() throws {
    let render: (Grade) -> String = { grade in
      (1...30).map { "  FAIL \"t\($0)\" of \(grade.passedCount) passing" }.joined(separator: "\n")
        + "\n"
    }
    let result = interview(
      [("1", 1), ("1", 1), ("1", 1), ("c", 1), ("d", 1), ("1", 1), ("1", 1)],
      grades: [(grade(3, of: 5), 5)], renderGrade: render)
    #expect(result.output.contains("3 of 5 checks pass"))
    #expect(result.output.contains("  FAIL \"t1\" of 3 passing"))
    #expect(result.output.contains("  FAIL \"t20\" of 3 passing"))
    #expect(!result.output.contains("\"t21\""))
    #expect(result.output.contains("… 10 more lines"))
  }

  @Test("The bound keeps a short text as it is")
  func boundedShortText() {
    let text = "a\nb\n"
    #expect(InterviewSession.bounded(text, lines: 2, more: { "\($0) more" }) == text)
    #expect(
      InterviewSession.bounded("a\nb\nc\n", lines: 2, more: { "\($0) more" }) == "a\nb\n1 more\n")
  }

  @Test("Time runs out while the learner is at a concept prompt: said, and the interview goes on")
  func conceptTimeoutAtPrompt() throws {
    // 10 minutes: the concept round has 200 s; the second answer would come at 250 s.
    let result = interview([("1", 10), ("1", 240), ("d", 1), ("1", 1), ("1", 1)])
    let record = result.report.record
    #expect(record.concepts.map(\.outcome) == [.correct, nil, nil])
    #expect(result.output.contains("Time is up for this round, mid-answer: 2 question(s)"))
    #expect(record.roundsCutShort == ["round 1: time ran out"])
    #expect(record.stage == .finished)
    #expect(record.coding?.isPassed == false)
  }

  @Test("Time runs out at the coding prompt: the round ends at its deadline, not at the key")
  func codingTimeoutAtPrompt() throws {
    let result = interview([("1", 1), ("1", 1), ("1", 1), ("c", 500), ("1", 1), ("1", 1)])
    let coding = try #require(result.report.record.coding)
    #expect(coding.timedOut && coding.attempts.isEmpty)
    #expect(result.output.contains("Time is up for the coding round."))
    #expect(result.report.record.followUps.map(\.outcome) == [.correct, .correct])
  }

  @Test("q ends only the round in a pipe; the report names the rounds cut short")
  func quitEndsRound() throws {
    let result = interview([("1", 1), ("q", 1), ("q", 1), ("1", 1), ("1", 1)])
    let record = result.report.record
    #expect(record.concepts.map(\.outcome) == [.correct, nil, nil])
    #expect(record.roundsCutShort == ["round 1: ended with q", "round 2: ended with q"])
    #expect(record.stage == .finished && record.endedEarly == nil)
    #expect(record.followUps.map(\.outcome) == [.correct, .correct])
    let saved = try #require(result.saved.last)
    #expect(saved.contains("Rounds cut short: round 1: ended with q; round 2: ended with q."))
  }

  @Test("In a terminal, q asks first: no goes on with the round, yes ends it")
  func quitAsksInTerminal() throws {
    let result = interview(
      [("q", 1), ("n", 1), ("1", 1), ("q", 1), ("y", 1), ("d", 1), ("1", 1), ("1", 1)],
      isTerminal: true)
    let record = result.report.record
    #expect(record.concepts.map(\.outcome) == [.correct, nil, nil])
    #expect(record.roundsCutShort == ["round 1: ended with q"])
    #expect(result.output.contains("End this round? (qq ends the whole interview) [y/N]"))
  }

  @Test("qq ends the whole interview, naming the round")
  func endCommand() throws {
    let result = interview([("1", 1), ("qq", 1)])
    let record = result.report.record
    #expect(record.endedEarly == "ended with qq during round 1")
    #expect(record.stage == .concepts)
    let coding = interview([("1", 1), ("1", 1), ("1", 1), ("qq", 1)])
    #expect(coding.report.record.endedEarly == "ended with qq during round 2")
  }

  @Test("Ctrl-C or the end of input at a prompt: the partial report names the reason and round")
  func stopReasons() throws {
    let interrupted = interview([("1", 1), ("^C", 1)])
    #expect(interrupted.report.record.endedEarly == "stopped by Ctrl-C during round 1")
    let saved = try #require(interrupted.saved.last)
    #expect(saved.contains("(stopped by Ctrl-C during round 1)"))
    let ended = interview([("1", 1), ("1", 1), ("1", 1), ("d", 1), ("1", 1)])
    #expect(ended.report.record.endedEarly == "input ended during round 3")
    let inCoding = interview([("1", 1), ("1", 1), ("1", 1), ("^C", 1)])
    #expect(inCoding.report.record.endedEarly == "stopped by Ctrl-C during round 2")
  }

  @Test("Review next lists only missed topics, weakest first, then weak boxes; else says so")
  func reviewNext() throws {
    let perfect = interview([("1", 1), ("1", 1), ("1", 1), ("d", 1), ("1", 1), ("1", 1)])
    #expect(perfect.report.reviewTopics.isEmpty)
    #expect(perfect.report.markdown.contains("Nothing to review"))

    var record = InterviewRecord(language: .english, seed: 1, minutes: 10, started: Date())
    record.concepts = [
      InterviewAnswer(questionID: "a1", topic: "a", outcome: .correct),
      InterviewAnswer(questionID: "a2", topic: "a", outcome: .wrong),
      InterviewAnswer(questionID: "b1", topic: "b", outcome: .skipped),
      InterviewAnswer(questionID: "b2", topic: "b", outcome: nil),
      InterviewAnswer(questionID: "c1", topic: "c", outcome: .correct),
    ]
    let report = InterviewReport(
      record: record, topicNames: [:], exerciseTopics: ["c"], weakTopics: ["d", "a"])
    #expect(report.reviewTopics == ["b", "a", "d"])
  }

  @Test("The task is picked with the seed among the open exercises, reproducibly")
  func seededPick() throws {
    let open = (1...7).map { Exercise(number: "0\($0)", name: "E\($0)") }
    let picks = (0..<40).map { InterviewTask.pick(from: open, seed: UInt64($0))?.name }
    #expect(picks == (0..<40).map { InterviewTask.pick(from: open, seed: UInt64($0))?.name })
    #expect(Set(picks).count >= 5)
    #expect(InterviewTask.pick(from: [], seed: 3) == nil)
  }
}
