import Foundation
import QuizEngine

/// One concept question of an interview and what became of it.
public struct InterviewAnswer: Hashable, Sendable {
  /// The question's id in the bank.
  public var questionID: String

  /// The question's topic id.
  public var topic: String

  /// What became of it; `nil` when it was never answered (time ran out, input ended).
  public var outcome: Outcome?

  /// Creates an answer record.
  ///
  /// - Parameters:
  ///   - questionID: The question's id.
  ///   - topic: Its topic id.
  ///   - outcome: What became of it, or `nil` when unanswered.
  public init(questionID: String, topic: String, outcome: Outcome?) {
    self.questionID = questionID
    self.topic = topic
    self.outcome = outcome
  }

  /// Whether it was answered right.
  public var isCorrect: Bool { outcome == .correct }
}

/// The coding round of an interview as it went.
public struct CodingRecord: Hashable, Sendable {
  /// The exercise coded.
  public var exercise: Exercise

  /// Whether the learner worked on a scratch copy (the exercise had passed already).
  public var isScratch: Bool

  /// The name of the one file asked for, when the task was a part of the exercise.
  public var part: String?

  /// The checks that passed at the last grading, and how many there are (0 when unknown).
  public var passedChecks: Int
  public var checkCount: Int

  /// Whether every check passed.
  public var isPassed: Bool

  /// Seconds from the round's start to the pass, or to its end.
  public var secondsUsed: Double

  /// The round's time budget in seconds.
  public var budget: Double

  /// How many hint levels were shown.
  public var hintsUsed: Int

  /// One line per grading: what it found.
  public var attempts: [String]

  /// Whether the round's time ran out before a pass.
  public var timedOut: Bool

  /// Creates a record of a round just starting.
  ///
  /// - Parameters:
  ///   - exercise: The exercise.
  ///   - isScratch: Whether it is a scratch copy.
  ///   - budget: The time budget in seconds.
  public init(exercise: Exercise, isScratch: Bool, budget: Double) {
    self.exercise = exercise
    self.isScratch = isScratch
    self.passedChecks = 0
    self.checkCount = 0
    self.isPassed = false
    self.secondsUsed = 0
    self.budget = budget
    self.hintsUsed = 0
    self.attempts = []
    self.timedOut = false
  }
}

/// Everything an interview produced, as far as it got: what the report is made from.
public struct InterviewRecord: Hashable, Sendable {
  /// The stages of an interview.
  public enum Stage: Hashable, Sendable {
    case concepts, coding, followUps, finished
  }

  /// The language of the report.
  public var language: Language

  /// The seed of every shuffle.
  public var seed: UInt64

  /// The interview's length in minutes.
  public var minutes: Int

  /// When it started.
  public var started: Date

  /// The concept round's questions, in order, including those never reached.
  public var concepts: [InterviewAnswer] = []

  /// The coding round, once it started.
  public var coding: CodingRecord?

  /// Why there is no coding round, when there is none (nothing to code).
  public var codingSkipped: String?

  /// The follow-up questions.
  public var followUps: [InterviewAnswer] = []

  /// The stage reached; `finished` once the verdict was given.
  public var stage: Stage = .concepts

  /// Why the interview stopped early (Ctrl-C, the end of input, the end command), naming
  /// the round, or `nil`.
  public var endedEarly: String?

  /// The rounds cut short and why (`q`, the time), in the report's language.
  public var roundsCutShort: [String] = []

  /// Creates an empty record.
  ///
  /// - Parameters:
  ///   - language: The report's language.
  ///   - seed: The seed.
  ///   - minutes: The length in minutes.
  ///   - started: The start time.
  public init(language: Language, seed: UInt64, minutes: Int, started: Date) {
    self.language = language
    self.seed = seed
    self.minutes = minutes
    self.started = started
  }
}
