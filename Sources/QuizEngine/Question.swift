/// One question of the bank, with everything needed to ask it, check it and explain it.
///
/// The bank stores questions as JSON (`Sources/QuizEngine/Resources/questions/*.json`); this
/// type is their decoded form. `quiz lint` checks what decoding cannot: one correct option for
/// a single-choice question, a "why not" line for every wrong option, both languages, a source.
public struct Question: Hashable, Sendable {
  /// The stable identifier: progress is stored under it, so it never changes once shipped.
  public var id: String

  /// The identifier of the topic the question belongs to.
  public var topic: String

  /// The kind of question and its answer.
  public var kind: Kind

  /// The question as asked.
  public var prompt: LocalizedText

  /// Why the answer is right: shown after every answer, right or wrong.
  public var explanation: LocalizedText

  /// Where the facts come from (paper, documentation or code), for the learner to look up.
  public var source: String

  /// What the question covers among the bank's required items (see `Coverage`), such as
  /// `article-1` for the source article's first concept question.
  public var covers: [String]

  /// JSON fields the decoder did not recognise (likely typos), reported by lint.
  public var unknownFields: [String]

  /// Creates a question.
  ///
  /// - Parameters:
  ///   - id: The stable identifier.
  ///   - topic: The topic's identifier.
  ///   - kind: The kind of question and its answer.
  ///   - prompt: The question as asked.
  ///   - explanation: Why the answer is right.
  ///   - source: Where the facts come from.
  ///   - covers: Required items the question covers.
  ///   - unknownFields: Unrecognised JSON fields.
  public init(
    id: String, topic: String, kind: Kind, prompt: LocalizedText,
    explanation: LocalizedText, source: String, covers: [String] = [],
    unknownFields: [String] = []
  ) {
    self.id = id
    self.topic = topic
    self.kind = kind
    self.prompt = prompt
    self.explanation = explanation
    self.source = source
    self.covers = covers
    self.unknownFields = unknownFields
  }
}

extension Question {
  /// The five kinds of question and what each needs to be checked.
  public enum Kind: Hashable, Sendable {
    /// Pick one option; exactly one is correct.
    case singleChoice([Option])

    /// Pick every correct option; at least one is correct, and the answer is the exact set.
    case multipleAnswer([Option])

    /// Put the items in order; they are stored in the correct order and shown shuffled.
    case ordering([LocalizedText])

    /// Type a number; anything within the tolerance is right.
    case numeric(NumericAnswer)

    /// Recall the answer, read the model answer, and say whether yours matched.
    case recall(modelAnswer: LocalizedText)

    /// The name used for this kind in the JSON files.
    public var typeName: String {
      switch self {
      case .singleChoice: "single"
      case .multipleAnswer: "multiple"
      case .ordering: "order"
      case .numeric: "numeric"
      case .recall: "recall"
      }
    }

    /// The options of a choice question; empty for the other kinds.
    public var options: [Option] {
      switch self {
      case .singleChoice(let options), .multipleAnswer(let options): options
      case .ordering, .numeric, .recall: []
      }
    }
  }

  /// One option of a choice question.
  public struct Option: Hashable, Sendable {
    /// The option's text.
    public var text: LocalizedText

    /// Whether the option is (part of) the answer.
    public var isCorrect: Bool

    /// For a wrong option: why it is wrong, shown when a learner picks it.
    public var whyNot: LocalizedText?

    /// Creates an option.
    ///
    /// - Parameters:
    ///   - text: The option's text.
    ///   - isCorrect: Whether it is (part of) the answer.
    ///   - whyNot: Why it is wrong; required for every wrong option.
    public init(text: LocalizedText, isCorrect: Bool, whyNot: LocalizedText? = nil) {
      self.text = text
      self.isCorrect = isCorrect
      self.whyNot = whyNot
    }
  }

  /// The answer to a numeric question.
  public struct NumericAnswer: Hashable, Sendable {
    /// The exact answer.
    public var value: Double

    /// How far an answer may be from `value` and still be right (inclusive).
    public var tolerance: Double

    /// Whether the answer is a percentage: then `21%` and `21` both mean 21. Otherwise a
    /// trailing `%` divides by 100, so `70%` answers a question whose answer is 0.7.
    public var isPercent: Bool

    /// Creates a numeric answer.
    ///
    /// - Parameters:
    ///   - value: The exact answer.
    ///   - tolerance: The largest accepted distance from `value`; zero or more.
    ///   - isPercent: Whether the answer is expressed in percent.
    public init(value: Double, tolerance: Double, isPercent: Bool = false) {
      self.value = value
      self.tolerance = tolerance
      self.isPercent = isPercent
    }
  }
}
