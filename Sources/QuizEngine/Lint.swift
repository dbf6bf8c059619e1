import Foundation

/// One problem `quiz lint` found in the bank.
public struct LintProblem: Hashable, Sendable, CustomStringConvertible {
  /// The question or topic the problem is in; `nil` for the bank as a whole.
  public var subject: String?

  /// What is wrong, in a sentence.
  public var message: String

  /// Creates a problem.
  ///
  /// - Parameters:
  ///   - subject: The question or topic identifier, or `nil` for the whole bank.
  ///   - message: What is wrong.
  public init(_ subject: String?, _ message: String) {
    self.subject = subject
    self.message = message
  }

  /// `subject: message`, or the message alone.
  public var description: String {
    subject.map { "\($0): \(message)" } ?? message
  }
}

/// How often "pick the longest option" answers a single-choice question right: the cue a
/// test-wise learner guesses by.
public struct LongestOptionShare: Hashable, Sendable {
  /// The expected number of single-choice questions answered right by picking the longest
  /// option, ties broken at random: a question counts 1 when its correct option is the only
  /// longest, 1 / *k* when it is one of *k* options of that length, and 0 otherwise.
  public var hits: Double

  /// Single-choice questions in the bank.
  public var total: Int

  /// The share a blind guess gets right: the mean of 1 / (number of options).
  public var chance: Double

  /// `hits / total`, or 0 for a bank without single-choice questions.
  public var share: Double { total == 0 ? 0 : hits / Double(total) }

  /// Measures questions in one language, counting characters.
  ///
  /// - Parameters:
  ///   - questions: The questions; only single-choice ones count.
  ///   - language: The language whose option texts are measured.
  /// - Complexity: O(*n*) in the total length of the options.
  public init(_ questions: [Question], language: Language) {
    var hits = 0.0
    var total = 0
    var chance = 0.0
    for question in questions {
      guard case .singleChoice(let options) = question.kind, !options.isEmpty else { continue }
      total += 1
      chance += 1 / Double(options.count)
      let lengths = options.map { $0.text[language].count }
      let longestLength = lengths.max() ?? 0
      let longest = options.indices.filter { lengths[$0] == longestLength }
      if longest.contains(where: { options[$0].isCorrect }) {
        hits += 1 / Double(longest.count)
      }
    }
    self.hits = hits
    self.total = total
    self.chance = total == 0 ? 0 : chance / Double(total)
  }
}

/// Checks a bank for everything a learner would trip over: duplicate identifiers, choice
/// questions without exactly the right number of correct options, wrong options without a
/// "why not", text missing in one language, questions without a source, gaps in the
/// coverage that `Coverage` requires, and a correct option that is the longest too often.
public struct BankLinter: Sendable {
  /// The fewest questions the bank may have.
  public var minimumQuestions: Int

  /// The largest share of single-choice questions that "pick the longest option" may answer
  /// right, in either language (`LongestOptionShare`).
  ///
  /// With three to five options a blind guess is right about 0.3 of the time; 0.35 is about
  /// one standard deviation above that for a bank of 60 to 80 single-choice questions, so the
  /// longest option is barely a better guess than any other while each option's wording can
  /// stay natural.
  public var maximumLongestShare: Double

  /// Creates a linter.
  ///
  /// - Parameters:
  ///   - minimumQuestions: The fewest questions accepted; `Coverage.minimumQuestions` for the
  ///     shipped bank.
  ///   - maximumLongestShare: The largest accepted share of single-choice questions that
  ///     picking the longest option answers right.
  public init(
    minimumQuestions: Int = Coverage.minimumQuestions, maximumLongestShare: Double = 0.35
  ) {
    self.minimumQuestions = minimumQuestions
    self.maximumLongestShare = maximumLongestShare
  }

  /// Every problem in a bank, in a stable order; empty when the bank is clean.
  ///
  /// - Parameter bank: The bank to check.
  /// - Returns: The problems found.
  /// - Complexity: O(*n*) in the total size of the bank's text.
  public func problems(in bank: Bank) -> [LintProblem] {
    var problems: [LintProblem] = []
    if bank.questions.count < minimumQuestions {
      problems.append(
        LintProblem(
          nil, "has \(bank.questions.count) questions; at least \(minimumQuestions) needed"))
    }
    var topicIDs: Set<String> = []
    for topic in bank.topics {
      if !topicIDs.insert(topic.id).inserted {
        problems.append(LintProblem(topic.id, "topic declared twice"))
      }
      if !Self.isValidIdentifier(topic.id) {
        problems.append(LintProblem(topic.id, "topic id must be lowercase letters, digits and -"))
      }
      problems += Self.textProblems(topic.name, field: "name", subject: topic.id, prose: true)
    }
    var seen: Set<String> = []
    for question in bank.questions {
      if !seen.insert(question.id).inserted {
        problems.append(LintProblem(question.id, "id used by more than one question"))
      }
      problems += self.problems(in: question, topicIDs: topicIDs)
    }
    for topic in bank.topics where !bank.questions.contains(where: { $0.topic == topic.id }) {
      problems.append(LintProblem(topic.id, "topic has no questions"))
    }
    for required in Coverage.requiredTopics where !topicIDs.contains(required) {
      problems.append(LintProblem(nil, "required topic \"\(required)\" is missing"))
    }
    for (tag, question) in Coverage.articleQuestions {
      let covered = bank.questions.contains {
        $0.covers.contains(tag) && $0.kind.typeName == "recall"
      }
      if !covered {
        problems.append(
          LintProblem(nil, "no recall question covers \(tag), the article's \(question)"))
      }
    }
    for language in Language.allCases {
      let measured = LongestOptionShare(bank.questions, language: language)
      if measured.share > maximumLongestShare {
        problems.append(
          LintProblem(
            nil,
            "picking the longest option answers \(Self.percent(measured.share)) of the "
              + "\(measured.total) single-choice questions right ("
              + "\(language.rawValue)); at most \(Self.percent(maximumLongestShare)) "
              + "(chance is \(Self.percent(measured.chance))): shorten it or lengthen a "
              + "distractor"))
      }
    }
    for (tag, error) in Coverage.articleErrors
    where !bank.questions.contains(where: { $0.covers.contains(tag) }) {
      problems.append(LintProblem(nil, "no question covers \(tag), the article's error: \(error)"))
    }
    return problems
  }

  private func problems(in question: Question, topicIDs: Set<String>) -> [LintProblem] {
    let id = question.id
    var problems: [LintProblem] = []
    func add(_ message: String) { problems.append(LintProblem(id, message)) }
    if !Self.isValidIdentifier(id) { add("id must be lowercase letters, digits and -") }
    if !topicIDs.contains(question.topic) {
      add("topic \"\(question.topic)\" is not declared in topics.json")
    }
    for field in question.unknownFields { add("unknown field \"\(field)\"") }
    for tag in question.covers where !Coverage.knownTags.contains(tag) {
      add("covers unknown tag \"\(tag)\"")
    }
    if question.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      add("has no source")
    }
    problems += Self.textProblems(question.prompt, field: "prompt", subject: id, prose: true)
    problems += Self.textProblems(
      question.explanation, field: "explanation", subject: id, prose: true)
    switch question.kind {
    case .singleChoice(let options), .multipleAnswer(let options):
      let isSingle = question.kind.typeName == "single"
      let correct = options.filter(\.isCorrect).count
      if options.count < 2 || options.count > 9 {
        add("needs 2 to 9 options, has \(options.count)")
      }
      if isSingle && correct != 1 {
        add("single choice needs exactly 1 correct option, has \(correct)")
      }
      if !isSingle && correct < 1 { add("multiple answer needs at least 1 correct option, has 0") }
      if Set(options.map(\.text.en)).count != options.count {
        add("two options have the same text")
      }
      for (index, option) in options.enumerated() {
        let field = "options[\(index)]"
        problems += Self.textProblems(option.text, field: field, subject: id, prose: false)
        if let whyNot = option.whyNot {
          if option.isCorrect { add("\(field) is correct but has a whyNot") }
          problems += Self.textProblems(whyNot, field: field + ".whyNot", subject: id, prose: true)
        } else if !option.isCorrect {
          add("\(field) is wrong but has no whyNot")
        }
      }
    case .ordering(let items):
      if items.count < 2 || items.count > 9 { add("needs 2 to 9 items, has \(items.count)") }
      if Set(items.map(\.en)).count != items.count { add("two items have the same text") }
      for (index, item) in items.enumerated() {
        problems += Self.textProblems(item, field: "items[\(index)]", subject: id, prose: false)
      }
    case .numeric(let answer):
      if !answer.value.isFinite { add("answer is not a finite number") }
      if !(answer.tolerance >= 0) || !answer.tolerance.isFinite {
        add("tolerance must be a finite number, zero or more")
      }
    case .recall(let modelAnswer):
      problems += Self.textProblems(modelAnswer, field: "modelAnswer", subject: id, prose: true)
    }
    return problems
  }

  /// Problems with one bilingual text: an empty translation, or Chinese prose with no Chinese
  /// characters in it (an untranslated copy of the English).
  private static func textProblems(
    _ text: LocalizedText, field: String, subject: String, prose: Bool
  ) -> [LintProblem] {
    var problems: [LintProblem] = []
    for language in Language.allCases
    where text[language].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      problems.append(LintProblem(subject, "\(field).\(language.rawValue) is empty"))
    }
    if prose, !text.zh.isEmpty, !text.zh.unicodeScalars.contains(where: isHan) {
      problems.append(LintProblem(subject, "\(field).zh has no Chinese text"))
    }
    return problems
  }

  private static func percent(_ share: Double) -> String {
    "\(Int((share * 100).rounded())) %"
  }

  private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
  }

  private static func isValidIdentifier(_ id: String) -> Bool {
    !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
      && id.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      }
  }
}
