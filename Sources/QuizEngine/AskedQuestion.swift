/// A question as one session asks it: the options (or items) in their shuffled display order.
public struct AskedQuestion: Hashable, Sendable {
  /// The question.
  public var question: Question

  /// For each display position, the index of the option or item shown there; empty for
  /// numeric and recall questions.
  public var order: [Int]

  /// Creates an asked question.
  ///
  /// - Parameters:
  ///   - question: The question.
  ///   - order: The display order of its options or items.
  public init(question: Question, order: [Int]) {
    self.question = question
    self.order = order
  }

  /// How many choices are shown (options or items).
  public var choiceCount: Int { order.count }

  /// The display positions (0-based) of the correct options of a choice question.
  public var correctPositions: Set<Int> {
    let options = question.kind.options
    return Set(order.indices.filter { options[order[$0]].isCorrect })
  }

  /// For an ordering question, the display positions (0-based) in the correct order.
  public var correctSequence: [Int] {
    guard case .ordering(let items) = question.kind else { return [] }
    return items.indices.compactMap { item in order.firstIndex(of: item) }
  }
}

/// What a learner's line meant.
public enum Response: Hashable, Sendable {
  /// Chosen options by display position (0-based): one for single choice, a set for
  /// multiple answer.
  case choices(Set<Int>)

  /// An order of display positions (0-based).
  case sequence([Int])

  /// A number.
  case number(Double)

  /// A number typed without `%` for a percentage question: the prompt accepts the percentage
  /// itself (`25`) and the fraction (`0.25`, `1/4`), so either reading may be the answer.
  case percentOrFraction(Double)

  /// Skip the question (it counts as missed).
  case skip

  /// End the session, keeping the answers given.
  case quit

  /// Show the valid inputs again.
  case help
}

/// Turns a typed line into a `Response`, after `TextNormalization`; `nil` means the line is
/// not a valid input for the question and the learner is asked again, without penalty.
public enum ResponseParser {
  /// Parses an answer to a question.
  ///
  /// - Parameters:
  ///   - line: The line as typed.
  ///   - asked: The question as shown.
  /// - Returns: The response, or `nil` for input that is not valid here.
  public static func parse(_ line: String, for asked: AskedQuestion) -> Response? {
    let text = TextNormalization.normalize(line)
    if let command = command(text) { return command }
    switch asked.question.kind {
    case .singleChoice:
      guard let numbers = numbers(text, count: asked.choiceCount), numbers.count == 1 else {
        return nil
      }
      return .choices(Set(numbers))
    case .multipleAnswer:
      guard let numbers = numbers(text, count: asked.choiceCount), !numbers.isEmpty,
        Set(numbers).count == numbers.count
      else { return nil }
      return .choices(Set(numbers))
    case .ordering:
      guard let numbers = numbers(text, count: asked.choiceCount),
        numbers.sorted() == Array(0..<asked.choiceCount)
      else { return nil }
      return .sequence(numbers)
    case .numeric(let answer):
      guard let value = number(text, isPercent: answer.isPercent) else { return nil }
      return answer.isPercent && !text.hasSuffix("%") ? .percentOrFraction(value) : .number(value)
    case .recall:
      return nil
    }
  }

  /// Parses `s`, `q` and `?` (and their spelled-out and Chinese forms).
  ///
  /// - Parameter text: Normalised input.
  /// - Returns: The command, or `nil`.
  public static func command(_ text: String) -> Response? {
    switch text {
    case "s", "skip", "跳过": .skip
    case "q", "quit", "exit", "退出": .quit
    case "?", "h", "help", "帮助": .help
    default: nil
    }
  }

  /// Parses a self-grade: yes or no.
  ///
  /// - Parameter line: The line as typed.
  /// - Returns: `true` for yes, `false` for no, `nil` for anything else.
  public static func yesNo(_ line: String) -> Bool? {
    switch TextNormalization.normalize(line) {
    case "y", "yes", "是", "对", "会", "是的", "对了": true
    case "n", "no", "否", "不", "错", "不会", "不对": false
    default: nil
    }
  }

  /// Option numbers (1-based as typed, 0-based in the result): separated by spaces, commas,
  /// semicolons or slashes, or run together (`13`) since there are at most nine.
  private static func numbers(_ text: String, count: Int) -> [Int]? {
    let separators: Set<Character> = [" ", ",", ";", "/", "+", "&"]
    guard !text.isEmpty,
      text.allSatisfy({ $0.isASCII && ($0.isNumber || separators.contains($0)) })
    else { return nil }
    var result: [Int] = []
    for character in text where character.isNumber {
      guard let value = character.wholeNumberValue, (1...count).contains(value) else {
        return nil
      }
      result.append(value - 1)
    }
    return result
  }

  /// A number: decimal (`0.7`, `.7`, `1e3`), with thousands commas (`1,000`), a fraction
  /// (`9/16`), a percentage (`70%`), or followed by `x` or `×` (`13x`).
  private static func number(_ text: String, isPercent: Bool) -> Double? {
    var text = text.replacingOccurrences(of: " ", with: "")
    var divisor = 1.0
    if text.hasSuffix("%") {
      text.removeLast()
      divisor = isPercent ? 1 : 100
    } else if text.hasSuffix("x") || text.hasSuffix("×") || text.hasSuffix("倍") {
      text.removeLast()
    }
    if text.contains(",") {
      let groups = text.split(separator: ",", omittingEmptySubsequences: false)
      let groupsValid = groups.dropFirst().allSatisfy { group in
        let digits = group.prefix { $0.isNumber }
        return digits.count == 3
      }
      guard let first = groups.first, (1...3).contains(first.count), groupsValid else {
        return nil
      }
      text = groups.joined()
    }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    let value: Double?
    switch parts.count {
    case 1: value = decimal(parts[0])
    case 2:
      guard let top = decimal(parts[0]), let bottom = decimal(parts[1]), bottom != 0 else {
        return nil
      }
      value = top / bottom
    default: value = nil
    }
    guard let value, value.isFinite else { return nil }
    return value / divisor
  }

  private static func decimal(_ text: Substring) -> Double? {
    let allowed = Set("0123456789.e+-")
    guard !text.isEmpty, text.allSatisfy(allowed.contains), text.first != "e" else {
      return nil
    }
    return Double(text)
  }
}

/// The outcome of checking one answer.
public struct Verdict: Hashable, Sendable {
  /// Whether the answer is right.
  public var isCorrect: Bool

  /// Display positions (0-based) of correct options the learner did not choose.
  public var missed: [Int]

  /// Display positions (0-based) of wrong options the learner chose.
  public var wrongPicks: [Int]

  /// Creates a verdict.
  ///
  /// - Parameters:
  ///   - isCorrect: Whether the answer is right.
  ///   - missed: Correct options not chosen.
  ///   - wrongPicks: Wrong options chosen.
  public init(isCorrect: Bool, missed: [Int] = [], wrongPicks: [Int] = []) {
    self.isCorrect = isCorrect
    self.missed = missed
    self.wrongPicks = wrongPicks
  }
}

/// Checks answers: single choice by the one correct option, multiple answer by the exact set,
/// ordering by the exact sequence, numbers within the tolerance (a bare number for a
/// percentage either as the percentage or as the fraction: `20.97` or `0.2097`).
public enum AnswerChecker {
  /// Checks a response to a question.
  ///
  /// - Parameters:
  ///   - response: An answer (`choices`, `sequence` or `number`).
  ///   - asked: The question as shown.
  /// - Returns: The verdict; commands and mismatched responses are wrong.
  public static func check(_ response: Response, for asked: AskedQuestion) -> Verdict {
    switch (asked.question.kind, response) {
    case (.singleChoice, .choices(let chosen)), (.multipleAnswer, .choices(let chosen)):
      let correct = asked.correctPositions
      return Verdict(
        isCorrect: chosen == correct,
        missed: correct.subtracting(chosen).sorted(),
        wrongPicks: chosen.subtracting(correct).sorted())
    case (.ordering, .sequence(let sequence)):
      return Verdict(isCorrect: sequence == asked.correctSequence)
    case (.numeric(let answer), .number(let value)):
      return Verdict(isCorrect: within(value, answer))
    case (.numeric(let answer), .percentOrFraction(let value)):
      return Verdict(isCorrect: within(value, answer) || within(value * 100, answer))
    default:
      return Verdict(isCorrect: false)
    }
  }

  private static func within(_ value: Double, _ answer: Question.NumericAnswer) -> Bool {
    // A relative slack of 1e-9 keeps 0.1 + 0.2 style rounding from failing an exact answer.
    let slack = answer.tolerance + 1e-9 * max(1, abs(answer.value))
    return abs(value - answer.value) <= slack
  }
}
