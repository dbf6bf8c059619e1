import Foundation

/// What the quiz remembers about one question between sessions.
public struct QuestionProgress: Codable, Hashable, Sendable {
  /// The Leitner box, 1 (ask again soon) to 5 (well known).
  public var box: Int

  /// When the question is next due for review.
  public var due: Date

  /// When it was last answered.
  public var lastAnswered: Date

  /// Whether the last answer was right.
  public var lastCorrect: Bool

  /// How many times it has been answered.
  public var timesAnswered: Int

  /// How many of those answers were right.
  public var timesCorrect: Int

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - box: The Leitner box, 1 to 5.
  ///   - due: When the question is next due.
  ///   - lastAnswered: When it was last answered.
  ///   - lastCorrect: Whether that answer was right.
  ///   - timesAnswered: How many times it has been answered.
  ///   - timesCorrect: How many of those were right.
  public init(
    box: Int, due: Date, lastAnswered: Date, lastCorrect: Bool, timesAnswered: Int,
    timesCorrect: Int
  ) {
    self.box = box
    self.due = due
    self.lastAnswered = lastAnswered
    self.lastCorrect = lastCorrect
    self.timesAnswered = timesAnswered
    self.timesCorrect = timesCorrect
  }
}

/// Leitner scheduling with five boxes: a right answer moves a question up one box, a wrong
/// answer sends it back to box 1, and each box waits longer before the question is due again.
///
/// Time is never read from the system here: every call takes `now`, so tests (and `--now`)
/// decide the clock.
public struct LeitnerScheduler: Hashable, Sendable {
  /// The number of boxes.
  public static let boxCount = 5

  /// Days to wait before a question in box *i* (1-based, index *i* − 1) is due again.
  public var intervalDays: [Int]

  /// Creates a scheduler.
  ///
  /// - Parameter intervalDays: The waiting time of each of the five boxes in days; the
  ///   default is 0, 1, 3, 7 and 14 days, so a missed question is due again at once.
  public init(intervalDays: [Int] = [0, 1, 3, 7, 14]) {
    self.intervalDays = intervalDays
  }

  /// The record after answering a question.
  ///
  /// - Parameters:
  ///   - previous: The question's record, or `nil` for a question never answered (box 1).
  ///   - correct: Whether the answer was right.
  ///   - now: The time of the answer.
  /// - Returns: The new record: one box up (at most 5) when right, box 1 when wrong, due
  ///   after the new box's interval.
  public func record(
    _ previous: QuestionProgress?, correct: Bool, at now: Date
  ) -> QuestionProgress {
    let box = correct ? min((previous?.box ?? 1) + 1, Self.boxCount) : 1
    return QuestionProgress(
      box: box,
      due: now.addingTimeInterval(TimeInterval(interval(ofBox: box) * 86_400)),
      lastAnswered: now,
      lastCorrect: correct,
      timesAnswered: (previous?.timesAnswered ?? 0) + 1,
      timesCorrect: (previous?.timesCorrect ?? 0) + (correct ? 1 : 0))
  }

  /// Whether a question is due for review: it was missed last time, or its box's waiting time
  /// has passed.
  ///
  /// - Parameters:
  ///   - progress: The question's record.
  ///   - now: The current time.
  /// - Returns: `true` when the question should be reviewed now.
  public func isDue(_ progress: QuestionProgress, at now: Date) -> Bool {
    !progress.lastCorrect || progress.due <= now
  }

  /// The waiting time of a box in days.
  ///
  /// - Parameter box: The box, 1 to 5 (clamped).
  /// - Returns: The box's interval.
  public func interval(ofBox box: Int) -> Int {
    guard !intervalDays.isEmpty else { return 0 }
    return intervalDays[min(max(box, 1), intervalDays.count) - 1]
  }
}
