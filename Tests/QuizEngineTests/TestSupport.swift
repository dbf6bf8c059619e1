import Foundation
import KitSupport
import QuizEngine
import Testing

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("quiz-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  func path(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// A fixed clock for every test: 2026-03-01 09:00 UTC.
let testNow = Date(timeIntervalSince1970: 1_772_355_600)

extension Bank {
  /// A copy with one question changed.
  func changing(_ id: String, _ change: (inout Question) -> Void) -> Bank {
    var bank = self
    if let index = bank.questions.firstIndex(where: { $0.id == id }) {
      change(&bank.questions[index])
    }
    return bank
  }

  /// The first question of a kind, for tests that need one.
  func first(ofType type: String) -> Question? {
    questions.first { $0.kind.typeName == type }
  }
}

/// A bank of one question of the shipped bank, with every topic, for tests of one kind of
/// question.
///
/// - Parameters:
///   - id: The question's identifier, e.g. `"nm-definition"`.
///   - sourceLocation: Where a missing question is reported: the caller's line.
/// - Returns: The one-question bank and its question.
/// - Throws: What loading the shipped bank throws, or the failure `#require` records when the
///   bank has no such question.
/// - Complexity: O(*q*) for *q* questions, after loading the shipped bank.
func oneQuestionBank(
  _ id: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> (bank: Bank, question: Question) {
  let bank = try Bank.shipped()
  let question = try #require(bank.question(id), sourceLocation: sourceLocation)
  return (Bank(topics: bank.topics, questions: [question]), question)
}

/// The lines that answer a planned session correctly, and the plan itself.
func answerKey(
  seed: UInt64, count: Int, topics: [String] = [], bank: Bank
) -> (plan: [AskedQuestion], lines: [String]) {
  let plan = SessionPlanner.plan(
    bank: bank, topics: topics, count: count, review: false, seed: seed, progress: nil,
    now: testNow)
  return (plan, plan.flatMap(SessionPlanner.answerKey))
}

/// A line that answers a planned question wrongly (it must not be a recall question).
func wrongAnswer(for asked: AskedQuestion) -> String {
  switch asked.question.kind {
  case .singleChoice, .multipleAnswer:
    let wrong = (0..<asked.choiceCount).first { !asked.correctPositions.contains($0) } ?? 0
    return String(wrong + 1)
  case .ordering:
    return asked.correctSequence.reversed().map { String($0 + 1) }.joined(separator: " ")
  case .numeric(let answer):
    return String(answer.value + answer.tolerance + 1000)
  case .recall:
    return "n"
  }
}

/// Runs the quiz in this process with scripted input.
@discardableResult
func runInProcess(
  _ arguments: [String], input: [String] = [], environment: [String: String] = [:],
  isTerminal: Bool = false, bank: Bank? = nil
) -> (status: Int32, console: ScriptedConsole) {
  let console = ScriptedConsole(input: input, isTerminal: isTerminal, columns: 60)
  let state = try? TemporaryFolder()  // never the real ~/.local/state
  var environment = environment
  if environment["XDG_STATE_HOME"] == nil, let state {
    environment["XDG_STATE_HOME"] = state.url.path
  }
  let status = QuizProgram.run(
    arguments: arguments, environment: environment, console: console, bank: bank)
  withExtendedLifetime(state) {}
  return (status, console)
}
