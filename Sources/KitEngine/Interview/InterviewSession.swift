import Foundation
import KitSupport
import QuizEngine

/// The coding task of an interview: the exercise, its README's opening and its hints.
public struct InterviewTask: Sendable {
  /// The exercise to code.
  public var exercise: Exercise

  /// Whether the learner codes a scratch copy (the exercise had passed already).
  public var isScratch: Bool

  /// The text shown when the round starts: the README's opening section.
  public var brief: String

  /// Where the learner edits, shown with the brief.
  public var folder: String

  /// The hint levels, in order.
  public var hints: [HintLevel]

  /// The exercise's short alias.
  public var alias: String

  /// The one file of the exercise the round asks for, graded by its own checks only; `nil`
  /// for the whole exercise.
  public var part: TaskPart?

  /// Creates a task.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - isScratch: Whether it is a scratch copy.
  ///   - brief: The README's opening.
  ///   - folder: Where the learner edits.
  ///   - hints: The hint levels.
  ///   - alias: The exercise's alias.
  ///   - part: The one file asked for, or `nil` for the whole exercise.
  public init(
    exercise: Exercise, isScratch: Bool, brief: String, folder: String, hints: [HintLevel],
    alias: String, part: TaskPart? = nil
  ) {
    self.exercise = exercise
    self.isScratch = isScratch
    self.brief = brief
    self.folder = folder
    self.hints = hints
    self.alias = alias
    self.part = part
  }
}

/// Runs a timed mock interview: a concept round, a coding round, follow-up questions and a
/// scored verdict.
///
/// Everything it touches comes in from outside: the console (a terminal or scripted lines),
/// the clock, the grader and where the report is saved, so a test drives a whole interview
/// without waiting. Each round's deadline holds while the learner is at the prompt: the wait
/// for an answer ends when the time does. `q` ends a round, ``endCommand`` the interview. The
/// report is saved after every answer; the end of input or a Ctrl-C stops the interview with
/// the partial report saved and the reason named.
public struct InterviewSession {
  /// The three rounds' shares of the time: a third, a half, a sixth.
  public static let shares = (concepts: 1.0 / 3, coding: 1.0 / 2, followUps: 1.0 / 6)

  /// The quiz topics that follow up each exercise, by module name.
  public static let followUpTopics: [String: [String]] = [
    "WeightPruning": ["criteria", "ratios", "schedules"],
    "StructuralPruning": ["granularity", "types", "hardware"],
    "PruningMetrics": ["evaluation", "pitfalls", "purpose"],
    "SparseFormats": ["formats", "handling", "hardware-reality"],
    "BlockSparsity": ["nm", "granularity", "hardware"],
    "WeightSharing": ["sparse-quant", "handling", "purpose"],
    "DynamicPruning": ["movement", "schedules", "lottery"],
    "OneShotPruning": ["llm-pruning", "criteria", "pitfalls"],
    "TransformerPruning": ["transformer-structured", "granularity", "hardware-reality"],
    "PruningAtInit": ["pruning-at-init", "lottery", "criteria"],
  ]

  var console: any Console
  var bank: Bank
  var store: ProgressStore
  var options: InterviewOptions
  var language: Language
  var seed: UInt64
  var style: TextStyle
  var task: InterviewTask?
  var noTaskReason: String?
  var kitCommand: String
  var now: () -> Date
  var grade: (Exercise) -> Grade
  var renderGrade: ((Grade) -> String)?
  var save: (InterviewReport) -> Void
  var interrupted: () -> Bool

  /// The command that ends the whole interview at any prompt (`q` ends only the round).
  public static let endCommand = "qq"

  /// The most lines of a grading's details shown in the coding round: about a screenful.
  public static let maximumGradeLines = 20

  /// Creates a session.
  ///
  /// - Parameters:
  ///   - console: Where questions go and answers come from.
  ///   - bank: The quiz bank.
  ///   - store: The quiz progress, read for weak boxes and updated with each answer.
  ///   - options: The interview's options.
  ///   - language: The language.
  ///   - seed: The seed for every shuffle.
  ///   - style: Colour or plain.
  ///   - task: The coding task, or `nil` when there is none.
  ///   - noTaskReason: Why there is no task.
  ///   - kitCommand: How the learner runs the kit.
  ///   - now: The clock.
  ///   - grade: Grades the task's exercise (the kit's isolated runner, or a fake in tests).
  ///   - renderGrade: Renders a grading's failing checks as `kit check` does, or `nil` to show
  ///     only the count; at most ``maximumGradeLines`` lines of it are shown.
  ///   - save: Saves the report as it stands; called after every answer and at the end.
  ///   - interrupted: Whether a Ctrl-C arrived while a grading ran (the interview then stops
  ///     with its partial report); ``KitInterrupt/wasRequested`` by default.
  public init(
    console: any Console, bank: Bank, store: ProgressStore, options: InterviewOptions,
    language: Language, seed: UInt64, style: TextStyle, task: InterviewTask?,
    noTaskReason: String? = nil, kitCommand: String = "swift run kit",
    now: @escaping () -> Date, grade: @escaping (Exercise) -> Grade,
    renderGrade: ((Grade) -> String)? = nil,
    save: @escaping (InterviewReport) -> Void,
    interrupted: @escaping () -> Bool = { KitInterrupt.wasRequested }
  ) {
    self.console = console
    self.bank = bank
    self.store = store
    self.options = options
    self.language = language
    self.seed = seed
    self.style = style
    self.task = task
    self.noTaskReason = noTaskReason
    self.kitCommand = kitCommand
    self.now = now
    self.grade = grade
    self.renderGrade = renderGrade
    self.save = save
    self.interrupted = interrupted
  }

  private func t(_ en: String, _ zh: String) -> String { language == .chinese ? zh : en }

  /// The report for a record.
  func report(_ record: InterviewRecord) -> InterviewReport {
    var names: [String: String] = [:]
    for topic in bank.topics { names[topic.id] = topic.name[language] }
    return InterviewReport(
      record: record, topicNames: names,
      exerciseTopics: task.map { Self.followUpTopics[$0.exercise.name] ?? [] } ?? [],
      kitCommand: kitCommand, alias: task?.alias, weakTopics: weakTopics)
  }

  /// The topics of questions in weak Leitner boxes (last answered wrong, or still in box 1),
  /// weakest first.
  var weakTopics: [String] {
    var weakest: [String: Int] = [:]
    for question in bank.questions {
      guard let progress = store.progress(of: question.id) else { continue }
      let weakness = progress.lastCorrect ? progress.box : 0
      guard weakness <= 1 else { continue }
      weakest[question.topic] = min(weakest[question.topic] ?? weakness, weakness)
    }
    return weakest.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
      .map(\.key)
  }

  // MARK: Running

  /// Runs the interview to its verdict, or until input ends.
  ///
  /// - Returns: The report, as saved last.
  public func run() -> InterviewReport {
    let start = now()
    let total = Double(options.minutes) * 60
    var record = InterviewRecord(
      language: language, seed: seed, minutes: options.minutes, started: start)
    console.line(
      style.emphasis(
        t(
          "Mock interview: \(options.minutes) minutes, three rounds (concepts, coding, follow-ups).",
          "模拟面试：\(options.minutes) 分钟，三个环节（概念、编程、追问）。")))
    console.line(
      t(
        "Answers are judged after each round, as in an interview. Seed \(seed).",
        "每个环节结束后才给出评判，如同真实面试。种子 \(seed)。"))

    // 1. Concepts.
    let conceptEnd = start.addingTimeInterval(total * Self.shares.concepts)
    let conceptCount = max(3, min(12, options.minutes / 3))
    let concepts = planConcepts(count: conceptCount, start: start)
    roundHeading(
      1, t("concepts · \(concepts.count) questions", "概念 · \(concepts.count) 题"),
      seconds: total * Self.shares.concepts)
    if case .stop(let reason) = askRound(
      concepts, until: conceptEnd, into: \.concepts, round: 1, record: &record)
    {
      return finish(record, endedBy: reason)
    }

    // 2. Coding.
    record.stage = .coding
    save(report(record))
    let codingStart = now()
    let codingEnd = codingStart.addingTimeInterval(total * Self.shares.coding)
    if let task {
      if case .stop(let reason) = code(
        task, from: codingStart, until: codingEnd, record: &record)
      {
        return finish(record, endedBy: reason)
      }
    } else {
      record.codingSkipped = noTaskReason ?? t("no exercise to code", "没有可做的编程题")
      heading(t("Round 2 of 3 · coding", "第 2 环节，共 3 个 · 编程"))
      console.line(record.codingSkipped ?? "")
    }

    // 3. Follow-ups.
    record.stage = .followUps
    save(report(record))
    let followStart = now()
    let followEnd = followStart.addingTimeInterval(total * Self.shares.followUps)
    let asked = Set(concepts.map(\.question.id))
    let followUps = planFollowUps(
      excluding: asked, count: options.minutes >= 30 ? 3 : 2, start: start)
    roundHeading(
      3, t("follow-ups · \(followUps.count) questions", "追问 · \(followUps.count) 题"),
      seconds: total * Self.shares.followUps)
    if case .stop(let reason) = askRound(
      followUps, until: followEnd, into: \.followUps, round: 3, record: &record)
    {
      return finish(record, endedBy: reason)
    }
    record.stage = .finished
    return finish(record, endedBy: nil)
  }

  /// How a round ended.
  private enum RoundEnd {
    /// Every question answered, or the task passed or declared done.
    case completed
    /// The round ended early (the reason is in the record); the interview goes on.
    case cut
    /// The interview stops, for the reason given.
    case stop(String)
  }

  /// Why the interview stopped, naming the round.
  private func stopReason(_ why: StopCause, round: Int) -> String {
    switch why {
    case .interrupt:
      return t("stopped by Ctrl-C during round \(round)", "第 \(round) 环节中按了 Ctrl-C")
    case .endOfInput: return t("input ended during round \(round)", "第 \(round) 环节中输入结束")
    case .command:
      return t(
        "ended with \(Self.endCommand) during round \(round)",
        "第 \(round) 环节中用 \(Self.endCommand) 结束")
    }
  }

  private enum StopCause { case interrupt, endOfInput, command }

  /// Records that a round was cut short, and why.
  private func cut(_ round: Int, _ why: String, record: inout InterviewRecord) {
    record.roundsCutShort.append(t("round \(round): \(why)", "第 \(round) 环节：\(why)"))
    save(report(record))
  }

  /// Asks, in a terminal, whether `q` should end the round; in a pipe it does at once.
  private func confirmsEndOfRound() -> Bool {
    guard console.outputIsTerminal else { return true }
    return console.confirm(
      t(
        "End this round? (\(Self.endCommand) ends the whole interview)",
        "结束本环节？（\(Self.endCommand) 结束整个面试）"))
  }

  private func finish(_ record: InterviewRecord, endedBy reason: String?) -> InterviewReport {
    var record = record
    if reason != nil { record.endedEarly = reason }
    let result = report(record)
    save(result)
    heading(t("Verdict", "评分"))
    console.writeWrapped(result.markdown)
    return result
  }

  private func heading(_ text: String) {
    console.line()
    console.line(style.heading("── \(text) ──"))
  }

  /// Writes the heading a timed round opens with: `Round 1 of 3 · concepts · 5 questions · 6:00`.
  ///
  /// - Parameters:
  ///   - round: The round's number, 1 to 3.
  ///   - what: The round's name and size, in the interview's language
  ///     (`concepts · 5 questions`).
  ///   - seconds: The time the round has.
  /// - Complexity: O(1): two lines written.
  private func roundHeading(_ round: Int, _ what: String, seconds: Double) {
    heading(
      t(
        "Round \(round) of 3 · \(what) · \(clock(seconds))",
        "第 \(round) 环节，共 3 个 · \(what) · \(clock(seconds))"))
  }

  private func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return String(format: "%d:%02d", whole / 60, whole % 60)
  }

  // MARK: Questions

  /// The concept round's questions: the quiz planner's order (due and new first), regrouped so
  /// the weakest Leitner boxes come first, then dealt round-robin across topics.
  func planConcepts(count: Int, start: Date) -> [AskedQuestion] {
    let all = SessionPlanner.plan(
      bank: bank, topics: options.topics, count: bank.questions.count, review: false, seed: seed,
      progress: store.file.questions, now: start)
    func weakness(_ asked: AskedQuestion) -> Int {
      guard let record = store.progress(of: asked.question.id) else { return 1 }
      return record.lastCorrect ? record.box : 0
    }
    let ranked = all.enumerated().sorted {
      let (a, b) = (weakness($0.element), weakness($1.element))
      return a != b ? a < b : $0.offset < $1.offset
    }.map(\.element)
    var byTopic: [String: [AskedQuestion]] = [:]
    var topicOrder: [String] = []
    for asked in ranked {
      if byTopic[asked.question.topic] == nil { topicOrder.append(asked.question.topic) }
      byTopic[asked.question.topic, default: []].append(asked)
    }
    var chosen: [AskedQuestion] = []
    var depth = 0
    while chosen.count < count {
      let layer = topicOrder.compactMap { byTopic[$0]?.dropFirst(depth).first }
      if layer.isEmpty { break }
      chosen += layer.prefix(count - chosen.count)
      depth += 1
    }
    return chosen
  }

  /// Follow-up questions from the topics mapped to the coded exercise, none asked before.
  func planFollowUps(excluding asked: Set<String>, count: Int, start: Date) -> [AskedQuestion] {
    let topics = task.map { Self.followUpTopics[$0.exercise.name] ?? [] } ?? []
    let pool = SessionPlanner.plan(
      bank: bank, topics: topics.isEmpty ? options.topics : topics,
      count: bank.questions.count, review: false, seed: seed &+ 1,
      progress: store.file.questions, now: start)
    return Array(pool.filter { !asked.contains($0.question.id) }.prefix(count))
  }

  /// Asks a round's questions until the last or the deadline, then shows the feedback.
  ///
  /// The deadline holds at the prompt too: when it passes while the learner is typing, the
  /// question is left unanswered and the round ends. `q` ends the round (after a yes in a
  /// terminal); ``endCommand``, the end of input or Ctrl-C stop the interview.
  private func askRound(
    _ planned: [AskedQuestion], until deadline: Date,
    into path: WritableKeyPath<InterviewRecord, [InterviewAnswer]>, round: Int,
    record: inout InterviewRecord
  ) -> RoundEnd {
    record[keyPath: path] = planned.map {
      InterviewAnswer(questionID: $0.question.id, topic: $0.question.topic, outcome: nil)
    }
    save(report(record))
    let session = QuizSession(
      bank: bank, planned: planned, store: store, now: now(), console: console,
      language: language, style: style, width: console.columns)
    session.defersFeedback = true
    session.extraCommands = [Self.endCommand]
    var end = RoundEnd.completed
    var showsFeedback = true
    var index = 0
    func timeUp(_ midAnswer: Bool) {
      let left = planned.count - index
      console.line(
        style.warning(
          midAnswer
            ? t(
              "Time is up for this round, mid-answer: \(left) question(s) not answered.",
              "本环节时间到（作答中）：还有 \(left) 题未作答。")
            : t(
              "Time is up for this round: \(left) question(s) not reached.",
              "本环节时间到：还有 \(left) 题未作答。")))
      cut(round, t("time ran out", "时间到"), record: &record)
      end = .cut
    }
    questions: while index < planned.count {
      if now() >= deadline {
        timeUp(false)
        break
      }
      switch session.ask(questionAt: index, before: deadline) {
      case .answered(let outcome):
        record[keyPath: path][index].outcome = outcome
        save(report(record))
        index += 1
      case .timedOut:
        timeUp(true)
        break questions
      case .quit:
        guard confirmsEndOfRound() else { continue }
        console.line(t("Round \(round) ends here.", "第 \(round) 环节到此结束。"))
        cut(round, t("ended with q", "用 q 结束"), record: &record)
        end = .cut
        break questions
      case .command:
        end = .stop(stopReason(.command, round: round))
        break questions
      case .ended:
        end = .stop(stopReason(.endOfInput, round: round))
        break questions
      case .interrupted:
        end = .stop(stopReason(.interrupt, round: round))
        showsFeedback = false
        break questions
      }
    }
    _ = store.save()
    if showsFeedback, !planned.isEmpty {
      heading(t("Feedback on this round", "本环节点评"))
      for (index, answer) in record[keyPath: path].enumerated() {
        session.showReview(questionAt: index, outcome: answer.outcome)
      }
    }
    return end
  }

  // MARK: Coding

  /// Runs the coding round.
  ///
  /// The deadline holds at the prompt: when it passes while the learner is typing, the round
  /// ends. `q` ends the round (after a yes in a terminal); ``endCommand``, the end of input or
  /// Ctrl-C stop the interview.
  private func code(
    _ task: InterviewTask, from start: Date, until deadline: Date, record: inout InterviewRecord
  ) -> RoundEnd {
    var coding = CodingRecord(
      exercise: task.exercise, isScratch: task.isScratch, budget: deadline.timeIntervalSince(start))
    coding.part = task.part.map { ($0.file as NSString).lastPathComponent }
    let title = task.exercise.title + (coding.part.map { " · \($0)" } ?? "")
    record.coding = coding
    save(report(record))
    roundHeading(2, t("coding · \(title)", "编程 · \(title)"), seconds: coding.budget)
    console.line(task.brief)
    console.line()
    console.line(
      t(
        "Edit the files in \(task.folder)\(task.isScratch ? " (a scratch copy: your own files stay as they are)" : "")."
          + " Type c to grade them, h for a hint (−5 points each), d when you are done,"
          + " q to end this round, \(Self.endCommand) to end the interview.",
        "编辑 \(task.folder) 中的文件\(task.isScratch ? "（草稿副本，你自己的文件保持不变）" : "")。"
          + "输入 c 评测，h 查看提示（每次 −5 分），d 结束本环节，q 结束本环节，\(Self.endCommand) 结束面试。"))
    var hintsShown = 0
    defer { record.coding = coding }
    func usedSoFar() -> Double { min(now().timeIntervalSince(start), coding.budget) }
    func timeUp() -> RoundEnd {
      coding.timedOut = !coding.isPassed
      coding.secondsUsed = coding.budget
      console.line(style.warning(t("Time is up for the coding round.", "编程环节时间到。")))
      record.coding = coding
      cut(2, t("time ran out", "时间到"), record: &record)
      return .cut
    }
    while true {
      let elapsed = now().timeIntervalSince(start)
      if now() >= deadline { return timeUp() }
      console.write(
        t(
          "[\(clock(coding.budget - elapsed)) left] c check · h hint · d done · q end round > ",
          "[剩余 \(clock(coding.budget - elapsed))] c 评测 · h 提示 · d 完成 · q 结束本环节 > "))
      let line: String
      switch console.readLine(before: deadline) {
      case .line(let text): line = text
      case .timedOut:
        console.line()
        return timeUp()
      case .ended:
        console.line()
        coding.secondsUsed = usedSoFar()
        return .stop(stopReason(.endOfInput, round: 2))
      case .interrupted:
        console.line()
        coding.secondsUsed = usedSoFar()
        return .stop(stopReason(.interrupt, round: 2))
      }
      if now() >= deadline { return timeUp() }  // typed after the time ran out: not acted on
      switch line.trimmingCharacters(in: .whitespaces).lowercased() {
      case "c", "check":
        console.line(t("Grading \(title)…", "正在评测 \(title)…"))
        let result = grade(task.exercise)
        if interrupted() {
          coding.secondsUsed = usedSoFar()
          return .stop(stopReason(.interrupt, round: 2))
        }
        let used = now().timeIntervalSince(start)
        let summary = describe(result)
        coding.attempts.append("\(clock(used)) · \(summary)")
        coding.passedChecks = result.passedCount
        coding.checkCount = result.checkCount ?? result.declaredCount
        coding.secondsUsed = min(used, coding.budget)
        console.line(summary)
        if result.isPassed && used <= coding.budget {
          coding.isPassed = true
          record.coding = coding
          save(report(record))
          console.line(style.success(t("Every check passes.", "全部检查通过。")))
          return .completed
        }
        if let renderGrade {
          console.writeWrapped(
            Self.bounded(
              renderGrade(result), lines: Self.maximumGradeLines,
              more: { t("… \($0) more lines", "……还有 \($0) 行") }))
        }
        record.coding = coding
        save(report(record))
      case "h", "hint":
        guard hintsShown < task.hints.count else {
          console.line(t("No more hints.", "没有更多提示了。"))
          continue
        }
        let level = task.hints[hintsShown]
        hintsShown += 1
        coding.hintsUsed = hintsShown
        console.line(
          style.emphasis(t("Hint \(level.number): ", "提示 \(level.number)：") + level.title))
        console.line(HintsDocument.terminalText(level.body, style: style))
        record.coding = coding
        save(report(record))
      case "d", "done":
        coding.secondsUsed = usedSoFar()
        return .completed
      case "q", "quit":
        guard confirmsEndOfRound() else { continue }
        coding.secondsUsed = usedSoFar()
        record.coding = coding
        cut(2, t("ended with q", "用 q 结束"), record: &record)
        return .cut
      case Self.endCommand:
        coding.secondsUsed = usedSoFar()
        return .stop(stopReason(.command, round: 2))
      default:
        console.line(
          t("Type c, h, d, q or \(Self.endCommand).", "请输入 c、h、d、q 或 \(Self.endCommand)。"))
      }
    }
  }

  /// The first lines of a text, with a note of how many more there are.
  ///
  /// - Parameters:
  ///   - text: The text, ending with a newline.
  ///   - lines: The most lines kept.
  ///   - more: The note for the lines left out, given their count.
  /// - Returns: The text, or its first lines and the note, ending with a newline.
  public static func bounded(_ text: String, lines: Int, more: (Int) -> String) -> String {
    var all = text.split(separator: "\n", omittingEmptySubsequences: false)
    if all.last == "" { all.removeLast() }
    guard all.count > lines else { return text }
    return all.prefix(lines).joined(separator: "\n") + "\n" + more(all.count - lines) + "\n"
  }

  /// One line on a grading: checks passing, or what went wrong.
  private func describe(_ result: Grade) -> String {
    let count = result.checkCount ?? result.declaredCount
    let checks = t(
      "\(result.passedCount) of \(count) checks pass", "\(count) 项检查通过 \(result.passedCount) 项")
    switch result.status {
    case .passed, .inProgress, .notStarted:
      return checks
    case .doesNotCompile(let diagnostic, let message):
      let place = diagnostic.map { " (\($0.location.text))" } ?? ""
      return t("does not compile", "无法编译") + place + ": " + message
    case .crashed(let crash):
      return t("the tests crashed", "测试崩溃") + ": " + crash.message
        + (crash.location.map { " (\($0.text))" } ?? "") + "; " + checks
    case .timedOut(let seconds):
      return t(
        "the tests ran past \(Int(seconds)) s and were stopped",
        "测试超过 \(Int(seconds)) 秒被终止") + "; " + checks
    case .buildFailed(let message), .couldNotRun(let message):
      return t("could not grade", "无法评测") + ": " + message
    case .noTests, .unavailable:
      return t("could not grade: no tests found", "无法评测：没有找到测试")
    }
  }
}
