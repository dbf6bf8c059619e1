import Foundation
import KitSupport

/// What became of one question in a session.
public enum Outcome: Hashable, Sendable {
  /// Answered right (or self-graded as known).
  case correct
  /// Answered wrong (or self-graded for review).
  case wrong
  /// Skipped with `s`; counts as missed and is recorded as a wrong answer.
  case skipped
}

/// The record of a finished session.
public struct SessionResult: Hashable, Sendable {
  /// The questions planned, in order.
  public var planned: [AskedQuestion]

  /// The outcome of each question reached, in order.
  public var outcomes: [Outcome]

  /// How many planned questions were answered right.
  public var correctCount: Int { outcomes.filter { $0 == .correct }.count }

  /// Whether the session stopped before its last question (`q` or the end of input).
  public var endedEarly: Bool { outcomes.count < planned.count }

  /// Whether every planned question was answered right.
  public var isPerfect: Bool { correctCount == planned.count }

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - planned: The planned questions.
  ///   - outcomes: The outcomes of those reached.
  public init(planned: [AskedQuestion], outcomes: [Outcome]) {
    self.planned = planned
    self.outcomes = outcomes
  }
}

/// Asks a planned session's questions through a console, gives immediate feedback, and
/// records each answer (a skip as a wrong one) in the progress store as soon as it is given.
///
/// Invalid input is answered with the valid inputs and the question is asked again, without
/// penalty. `q` or the end of input ends the session early; what was answered is kept.
public final class QuizSession {
  private let bank: Bank
  private let planned: [AskedQuestion]
  private let store: ProgressStore
  private let scheduler: LeitnerScheduler
  private let now: Date
  private let console: any Console
  private let strings: Strings
  private let style: TextStyle
  private let width: Int?

  /// Creates a session.
  ///
  /// - Parameters:
  ///   - bank: The bank (for topic names).
  ///   - planned: The questions, from `SessionPlanner`.
  ///   - store: Where answers are recorded.
  ///   - scheduler: The Leitner scheduler.
  ///   - now: The time every answer is recorded at.
  ///   - console: Where to ask.
  ///   - language: The language to ask in.
  ///   - style: Colour or plain.
  ///   - width: The width to wrap text to, or `nil` not to wrap (pipes, screen readers).
  public init(
    bank: Bank, planned: [AskedQuestion], store: ProgressStore,
    scheduler: LeitnerScheduler = LeitnerScheduler(), now: Date, console: any Console,
    language: Language, style: TextStyle, width: Int?
  ) {
    self.bank = bank
    self.planned = planned
    self.store = store
    self.scheduler = scheduler
    self.now = now
    self.console = console
    self.strings = Strings(language)
    self.style = style
    self.width = width
  }

  private var language: Language { strings.language }

  /// Whether the verdict on each answer waits until the end of a round, as in an interview.
  ///
  /// When `true`, ``ask(questionAt:)`` records the answer without saying whether it was right
  /// or showing the explanation; ``showReview(questionAt:outcome:)`` shows both later. A
  /// recall question still shows its model answer, since the learner grades it. `false` (the
  /// quiz) by default.
  public var defersFeedback = false

  /// Asks every question until the last, `q`, or the end of input.
  ///
  /// - Returns: The outcome of each question reached.
  public func run() -> SessionResult {
    var outcomes: [Outcome] = []
    for index in planned.indices {
      guard let outcome = ask(questionAt: index) else { break }
      outcomes.append(outcome)
    }
    return SessionResult(planned: planned, outcomes: outcomes)
  }

  /// Asks one planned question and records the answer in the progress store at once.
  ///
  /// - Parameter index: The question's position in the plan, from 0.
  /// - Returns: The outcome, or `nil` when the learner quit (`q`), input ended, or `index` is
  ///   outside the plan; nothing is recorded then.
  /// - Complexity: O(1) apart from the console and the store.
  public func ask(questionAt index: Int) -> Outcome? {
    if case .answered(let outcome) = ask(questionAt: index, before: nil) { return outcome }
    return nil
  }

  /// Lines that end a question without answering it, returned as ``AskResult/command(_:)``
  /// (after `TextNormalization`), such as an interview's command that ends the interview.
  public var extraCommands: Set<String> = []

  /// Asks one planned question, waiting for the answer no later than a deadline, and records
  /// an answer in the progress store at once.
  ///
  /// - Parameters:
  ///   - index: The question's position in the plan, from 0.
  ///   - deadline: When to stop waiting for the answer, or `nil` to wait as long as it takes.
  /// - Returns: The outcome, or why there is none; nothing is recorded then.
  public func ask(questionAt index: Int, before deadline: Date?) -> AskResult {
    guard planned.indices.contains(index) else { return .ended }
    let asked = planned[index]
    let result = ask(asked, number: index + 1, deadline: deadline)
    guard case .answered(let outcome) = result else { return result }
    // A skip counts as missed: recorded like a wrong answer, so --review brings it back.
    let record = scheduler.record(
      store.progress(of: asked.question.id), correct: outcome == .correct, at: now)
    if let warning = store.update(record, for: asked.question.id) {
      console.writeError(strings.warning(warning) + "\n")
    }
    return result
  }

  /// Shows the verdict, the right answer and the explanation of a planned question: the
  /// feedback a round with ``defersFeedback`` gives at its end.
  ///
  /// - Parameters:
  ///   - index: The question's position in the plan, from 0.
  ///   - outcome: What became of it, or `nil` when it was never answered (time ran out).
  public func showReview(questionAt index: Int, outcome: Outcome?) {
    guard planned.indices.contains(index) else { return }
    let asked = planned[index]
    let topic = bank.topic(asked.question.topic)?.name[language] ?? asked.question.topic
    console.write("\n")
    emit(
      strings.questionHeading(
        number: index + 1, of: planned.count, topic: topic, id: asked.question.id,
        hint: strings.kindHint(asked.question.kind)),
      style: style.dim)
    emit(asked.question.prompt[language], style: style.emphasis)
    switch outcome {
    case .correct: emit(strings.correct, style: style.success)
    case .wrong: emit(strings.incorrect, style: style.failure)
    case .skipped, nil: emit(strings.skipped, style: style.warning)
    }
    if outcome != .correct || !isRecall(asked) { showAnswer(asked) }
    showExplanation(asked.question)
  }

  private func isRecall(_ asked: AskedQuestion) -> Bool {
    if case .recall = asked.question.kind { return true }
    return false
  }

  // MARK: Asking

  /// Reads a line for a question: the line, or why the question ends without one.
  private func nextLine(_ deadline: Date?) -> (line: String?, stop: AskResult?) {
    let stop: AskResult
    switch console.readLine(before: deadline) {
    case .line(let line):
      let key = TextNormalization.normalize(line)
      guard extraCommands.contains(key) else { return (line, nil) }
      return (nil, .command(key))
    case .ended: stop = .ended
    case .timedOut: stop = .timedOut
    case .interrupted: stop = .interrupted
    }
    console.write("\n")
    return (nil, stop)
  }

  /// Asks one question; the outcome, or why the question ended without one.
  private func ask(_ asked: AskedQuestion, number: Int, deadline: Date?) -> AskResult {
    let question = asked.question
    let topic = bank.topic(question.topic)?.name[language] ?? question.topic
    console.write("\n")
    emit(
      strings.questionHeading(
        number: number, of: planned.count, topic: topic, id: question.id,
        hint: strings.kindHint(question.kind)),
      style: style.dim)
    emit(question.prompt[language], style: style.emphasis)
    for (position, label) in choiceLabels(asked).enumerated() {
      emit(label.text, prefix: "  \(position + 1)) ", indent: "     ")
    }
    if case .recall(let modelAnswer) = question.kind {
      return askRecall(asked, modelAnswer: modelAnswer, deadline: deadline)
    }
    while true {
      console.write(strings.prompt(for: asked))
      let (read, stop) = nextLine(deadline)
      guard let line = read else { return stop ?? .ended }
      switch ResponseParser.parse(line, for: asked) {
      case .quit: return .quit
      case .skip:
        emit(strings.skipped, style: style.warning)
        if !defersFeedback {
          showAnswer(asked)
          showExplanation(question)
        }
        return .answered(.skipped)
      case .help:
        emit(strings.invalid(for: asked) + " " + strings.commandHelp)
      case .some(let response):
        let verdict = AnswerChecker.check(response, for: asked)
        if !defersFeedback {
          showFeedback(asked, response: response, verdict: verdict)
          showExplanation(question)
        }
        return .answered(verdict.isCorrect ? .correct : .wrong)
      case nil:
        emit(strings.invalid(for: asked), style: style.warning)
      }
    }
  }

  private func askRecall(
    _ asked: AskedQuestion, modelAnswer: LocalizedText, deadline: Date?
  ) -> AskResult {
    console.write(strings.recallAttemptPrompt)
    let (read, stop) = nextLine(deadline)
    guard let attempt = read else { return stop ?? .ended }
    switch ResponseParser.command(TextNormalization.normalize(attempt)) {
    case .quit: return .quit
    case .skip:
      emit(strings.skipped, style: style.warning)
      emit(strings.modelAnswer, style: style.emphasis)
      emit(modelAnswer[language], prefix: "  ", indent: "  ")
      if !defersFeedback { showExplanation(asked.question) }
      return .answered(.skipped)
    default: break
    }
    emit(strings.modelAnswer, style: style.emphasis)
    emit(modelAnswer[language], prefix: "  ", indent: "  ")
    while true {
      console.write(strings.gradePrompt)
      let (read, stop) = nextLine(deadline)
      guard let line = read else { return stop ?? .ended }
      if let known = ResponseParser.yesNo(line) {
        emit(
          known ? strings.selfCorrect : strings.selfIncorrect,
          style: known ? style.success : style.failure)
        if !defersFeedback { showExplanation(asked.question) }
        return .answered(known ? .correct : .wrong)
      }
      switch ResponseParser.command(TextNormalization.normalize(line)) {
      case .quit: return .quit
      case .help: emit(strings.gradeInvalid + " " + strings.commandHelp)
      default: emit(strings.gradeInvalid, style: style.warning)
      }
    }
  }

  // MARK: Feedback

  private func showFeedback(_ asked: AskedQuestion, response: Response, verdict: Verdict) {
    let labels = choiceLabels(asked)
    emit(
      verdict.isCorrect ? strings.correct : strings.incorrect,
      style: verdict.isCorrect ? style.success : style.failure)
    switch (asked.question.kind, response) {
    case (.singleChoice, _), (.multipleAnswer, _):
      for position in verdict.wrongPicks {
        let label = labels[position]
        emit(strings.whyNot(position + 1) + (label.whyNot ?? ""))
      }
      if !verdict.missed.isEmpty, case .multipleAnswer = asked.question.kind {
        emit(strings.missed(verdict.missed.map { String($0 + 1) }.joined(separator: ", ")))
      }
      if !verdict.isCorrect { showAnswer(asked) }
    case (.numeric(let answer), .number(let value)):
      if !verdict.isCorrect {
        emit(strings.yourAnswer(format(value, percent: answer.isPercent)))
      }
      showAnswer(asked)
    case (.numeric, .percentOrFraction(let value)):
      if !verdict.isCorrect {
        // Both readings were tried: 0.3 is shown as "0.3 (30%)", 30 as "30%".
        let typed =
          abs(value) <= 1
          ? NumberFormatting.plain(value) + " (" + format(value * 100, percent: true) + ")"
          : format(value, percent: true)
        emit(strings.yourAnswer(typed))
      }
      showAnswer(asked)
    default:
      if !verdict.isCorrect { showAnswer(asked) }
    }
  }

  private func showAnswer(_ asked: AskedQuestion) {
    let labels = choiceLabels(asked)
    switch asked.question.kind {
    case .singleChoice, .multipleAnswer:
      let correct = asked.correctPositions.sorted()
      if correct.count == 1, let position = correct.first {
        emit(strings.theAnswer("\(position + 1)) \(labels[position].text)"))
      } else {
        emit(strings.theAnswer(correct.map { String($0 + 1) }.joined(separator: " ")))
        for position in correct {
          emit(labels[position].text, prefix: "  \(position + 1)) ", indent: "     ")
        }
      }
    case .ordering:
      let sequence = asked.correctSequence
      emit(strings.theAnswer(sequence.map { String($0 + 1) }.joined(separator: " ")))
      for position in sequence {
        emit(labels[position].text, prefix: "  \(position + 1)) ", indent: "     ")
      }
    case .numeric(let answer):
      var line = strings.theAnswer(format(answer.value, percent: answer.isPercent))
      if answer.tolerance > 0 {
        line += strings.accepted(
          low: format(answer.value - answer.tolerance, percent: answer.isPercent),
          high: format(answer.value + answer.tolerance, percent: answer.isPercent))
      }
      emit(line)
    case .recall(let modelAnswer):
      emit(strings.modelAnswer, style: style.emphasis)
      emit(modelAnswer[language], prefix: "  ", indent: "  ")
    }
  }

  private func showExplanation(_ question: Question) {
    emit(question.explanation[language], prefix: strings.explanation)
    emit(question.source, prefix: strings.source, style: style.dim)
  }

  private func format(_ value: Double, percent: Bool) -> String {
    NumberFormatting.plain(value) + (percent ? "%" : "")
  }

  /// The options or items in display order, with their "why not" lines.
  private func choiceLabels(_ asked: AskedQuestion) -> [(text: String, whyNot: String?)] {
    switch asked.question.kind {
    case .singleChoice(let options), .multipleAnswer(let options):
      return asked.order.map { (options[$0].text[language], options[$0].whyNot?[language]) }
    case .ordering(let items):
      return asked.order.map { (items[$0][language], nil) }
    case .numeric, .recall:
      return []
    }
  }

  /// Writes text as lines, wrapped when a width is set, styling each line separately so
  /// escape codes never count towards the width.
  private func emit(
    _ text: String, prefix: String = "", indent: String = "",
    style paint: (String) -> String = { $0 }
  ) {
    let lines: [String]
    if let width {
      lines = TextLayout.wrap(text, width: width, prefix: prefix, indent: indent)
    } else {
      lines = (prefix + text).split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated().map { $0.offset == 0 ? String($0.element) : indent + $0.element }
    }
    console.write(lines.map(paint).joined(separator: "\n") + "\n")
  }
}

/// What asking one question gave: an outcome, or why there is none.
public enum AskResult: Hashable, Sendable {
  /// The learner answered (or skipped).
  case answered(Outcome)

  /// The learner typed `q`.
  case quit

  /// Input ended.
  case ended

  /// The deadline passed while the learner was at the prompt.
  case timedOut

  /// An interrupt (Ctrl-C) arrived at the prompt.
  case interrupted

  /// The learner typed one of the session's ``QuizSession/extraCommands``.
  case command(String)
}
