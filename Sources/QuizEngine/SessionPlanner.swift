import Foundation
import KitSupport

/// Chooses a session's questions and shuffles their options, deterministically from a seed.
public enum SessionPlanner {
  /// Plans a session.
  ///
  /// The questions of the chosen topics are shuffled with the seed. With `review`, only those
  /// missed last time or due again are kept. Otherwise, when progress is given, due questions
  /// come first, then new ones, then the rest (each group in shuffled order). The first
  /// `count` are asked; then each question's options (or items) are shuffled with the same
  /// generator. An ordering question is never shown already in order.
  ///
  /// - Parameters:
  ///   - bank: The bank.
  ///   - topics: The topic ids to draw from; empty means all.
  ///   - count: The most questions to ask.
  ///   - review: Whether to ask only missed or due questions.
  ///   - seed: The seed for every shuffle.
  ///   - progress: The learner's records, or `nil` to ignore them (`--no-save`).
  ///   - scheduler: The scheduler that decides what is due.
  ///   - now: The current time.
  /// - Returns: The questions in the order they will be asked.
  public static func plan(
    bank: Bank, topics: [String], count: Int, review: Bool, seed: UInt64,
    progress: [String: QuestionProgress]?, scheduler: LeitnerScheduler = LeitnerScheduler(),
    now: Date
  ) -> [AskedQuestion] {
    var generator = SplitMix64(seed: seed)
    var candidates = bank.questions.filter { topics.isEmpty || topics.contains($0.topic) }
    generator.shuffle(&candidates)
    if review {
      let records = progress ?? [:]
      candidates = candidates.filter { question in
        records[question.id].map { scheduler.isDue($0, at: now) } ?? false
      }
    } else if let progress {
      func rank(_ question: Question) -> Int {
        guard let record = progress[question.id] else { return 1 }
        return scheduler.isDue(record, at: now) ? 0 : 2
      }
      candidates = (0...2).flatMap { group in candidates.filter { rank($0) == group } }
    }
    return candidates.prefix(max(count, 0)).map { question in
      let size: Int
      switch question.kind {
      case .singleChoice(let options), .multipleAnswer(let options): size = options.count
      case .ordering(let items): size = items.count
      case .numeric, .recall: size = 0
      }
      var order = Array(0..<size)
      generator.shuffle(&order)
      if case .ordering = question.kind, size > 1 {
        while order == Array(0..<size) { generator.shuffle(&order) }
      }
      return AskedQuestion(question: question, order: order)
    }
  }

  /// The lines that answer a planned question correctly, as a script would type them.
  ///
  /// - Parameter asked: The question as shown.
  /// - Returns: One line for choice, ordering and numeric questions; for a recall question,
  ///   an empty attempt and `y`.
  public static func answerKey(for asked: AskedQuestion) -> [String] {
    switch asked.question.kind {
    case .singleChoice, .multipleAnswer:
      return [asked.correctPositions.sorted().map { String($0 + 1) }.joined(separator: " ")]
    case .ordering:
      return [asked.correctSequence.map { String($0 + 1) }.joined(separator: " ")]
    case .numeric(let answer):
      return [NumberFormatting.plain(answer.value)]
    case .recall:
      return ["", "y"]
    }
  }
}

/// Formats numbers for the learner: whole numbers without a decimal point, others with up to
/// six significant digits.
enum NumberFormatting {
  static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(format: "%g", value)
  }
}
