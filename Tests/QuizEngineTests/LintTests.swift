import Foundation
import QuizEngine
import Testing

/// A way to break the shipped bank, and what lint must say about it.
struct Breakage: CustomTestStringConvertible, Sendable {
  let name: String
  let expected: String
  let apply: @Sendable (Bank) -> Bank

  var testDescription: String { name }
}

private func firstID(_ bank: Bank, _ type: String) -> String {
  bank.first(ofType: type)?.id ?? ""
}

private func setOptions(
  _ bank: Bank, _ type: String, _ change: @escaping ([Question.Option]) -> [Question.Option]
) -> Bank {
  bank.changing(firstID(bank, type)) { question in
    switch question.kind {
    case .singleChoice(let options): question.kind = .singleChoice(change(options))
    case .multipleAnswer(let options): question.kind = .multipleAnswer(change(options))
    default: break
    }
  }
}

private func allCorrect(_ options: [Question.Option]) -> [Question.Option] {
  options.map { Question.Option(text: $0.text, isCorrect: true) }
}

private func noneCorrect(_ options: [Question.Option]) -> [Question.Option] {
  options.map {
    Question.Option(text: $0.text, isCorrect: false, whyNot: LocalizedText(en: "x", zh: "错"))
  }
}

private func withoutWhyNots(_ options: [Question.Option]) -> [Question.Option] {
  options.map { Question.Option(text: $0.text, isCorrect: $0.isCorrect) }
}

let breakages: [Breakage] = [
  Breakage(name: "a duplicated id", expected: "id used by more than one question") { bank in
    var bank = bank
    bank.questions.append(bank.questions[0])
    return bank
  },
  Breakage(name: "a single choice with two correct options", expected: "exactly 1 correct") {
    setOptions($0, "single", allCorrect)
  },
  Breakage(
    name: "a single choice with no correct option", expected: "exactly 1 correct option, has 0"
  ) {
    setOptions($0, "single", noneCorrect)
  },
  Breakage(name: "a multiple answer with no correct option", expected: "at least 1 correct option")
  {
    setOptions($0, "multiple", noneCorrect)
  },
  Breakage(name: "a wrong option without a why-not", expected: "is wrong but has no whyNot") {
    setOptions($0, "single", withoutWhyNots)
  },
  Breakage(name: "an empty Chinese prompt", expected: "prompt.zh is empty") {
    $0.changing($0.questions[3].id) { $0.prompt.zh = "  " }
  },
  Breakage(name: "an untranslated Chinese explanation", expected: "explanation.zh has no Chinese") {
    $0.changing($0.questions[4].id) { $0.explanation.zh = $0.explanation.en }
  },
  Breakage(name: "an empty English option", expected: "options[0].en is empty") {
    setOptions($0, "single") { options in
      var options = options
      options[0].text.en = ""
      return options
    }
  },
  Breakage(name: "a question without a source", expected: "has no source") {
    $0.changing($0.questions[5].id) { $0.source = "" }
  },
  Breakage(name: "a topic not declared in topics.json", expected: "is not declared") {
    $0.changing($0.questions[6].id) { $0.topic = "quantum" }
  },
  Breakage(name: "an unknown coverage tag", expected: "covers unknown tag") {
    $0.changing($0.questions[7].id) { $0.covers = ["article-9"] }
  },
  Breakage(
    name: "an article question without a recall item",
    expected: "no recall question covers article-3"
  ) { bank in
    var bank = bank
    bank.questions.removeAll { $0.covers.contains("article-3") }
    return bank
  },
  Breakage(
    name: "an article error not covered", expected: "no question covers article-error-layer-output"
  ) { bank in
    var bank = bank
    bank.questions.removeAll { $0.covers.contains("article-error-layer-output") }
    return bank
  },
  Breakage(name: "a required topic missing", expected: "required topic \"nm\" is missing") { bank in
    var bank = bank
    bank.topics.removeAll { $0.id == "nm" }
    bank.questions.removeAll { $0.topic == "nm" }
    return bank
  },
  Breakage(name: "a topic without questions", expected: "lottery: topic has no questions") { bank in
    var bank = bank
    bank.questions.removeAll { $0.topic == "lottery" }
    return bank
  },
  Breakage(name: "too few questions", expected: "at least 124 needed") { bank in
    var bank = bank
    bank.questions = Array(bank.questions.prefix(123))
    return bank
  },
  Breakage(name: "an ordering with one item", expected: "needs 2 to 9 items") {
    $0.changing(firstID($0, "order")) { $0.kind = .ordering([LocalizedText(en: "a", zh: "甲")]) }
  },
  Breakage(name: "a negative tolerance", expected: "tolerance must be") {
    $0.changing(firstID($0, "numeric")) { $0.kind = .numeric(.init(value: 1, tolerance: -1)) }
  },
  Breakage(
    name: "the correct option the longest too often",
    expected: "picking the longest option answers"
  ) { bank in
    var bank = bank
    for index in bank.questions.indices {
      guard case .singleChoice(let options) = bank.questions[index].kind else { continue }
      bank.questions[index].kind = .singleChoice(
        options.map { option in
          var option = option
          if option.isCorrect {
            option.text.en += String(repeating: " and more", count: 30)
            option.text.zh += String(repeating: "还有更多", count: 30)
          }
          return option
        })
    }
    return bank
  },
  Breakage(name: "an id with capitals", expected: "id must be lowercase") {
    $0.changing($0.questions[8].id) { $0.id = "Bad_ID" }
  },
]

@Suite("quiz lint")
struct LintTests {
  @Test("finds each kind of broken bank", arguments: breakages)
  func finds(_ breakage: Breakage) throws {
    let problems = BankLinter().problems(in: breakage.apply(try Bank.shipped()))
    #expect(
      problems.contains { $0.description.contains(breakage.expected) },
      "expected \"\(breakage.expected)\" in:\n\(problems.map(\.description).joined(separator: "\n"))"
    )
  }

  @Test("reports an unknown JSON field such as a misspelt whyNot")
  func unknownField() throws {
    let folder = try TemporaryFolder()
    try Bank.shipped().write(to: folder.url)
    let file = folder.path("questions/01-what.json")
    let text = try String(contentsOf: file, encoding: .utf8)
    let misspelt = text.replacingOccurrences(of: "\"whyNot\"", with: "\"whynot\"")
    try Data(misspelt.utf8).write(to: file)
    let problems = BankLinter().problems(in: try Bank.load(from: folder.url))
    #expect(problems.contains { $0.message.contains("unknown field \"options[1].whynot\"") })
    #expect(problems.contains { $0.message.contains("has no whyNot") })
  }

  @Test("measures how often picking the longest option is right, sharing ties fairly")
  func longestShare() {
    func single(_ lengths: [Int], correct: Int) -> Question {
      let options = lengths.enumerated().map { index, length in
        Question.Option(
          text: LocalizedText(
            en: String(repeating: "a", count: length), zh: String(repeating: "甲", count: length)),
          isCorrect: index == correct,
          whyNot: index == correct ? nil : LocalizedText(en: "no", zh: "不"))
      }
      return Question(
        id: "q\(lengths)\(correct)", topic: "what", kind: .singleChoice(options),
        prompt: LocalizedText(en: "?", zh: "？"), explanation: LocalizedText(en: "e", zh: "解"),
        source: "s")
    }
    // Only longest (1), tied with one other (1/2), shorter (0), shorter (0): 1.5 of 4 right;
    // a blind guess (1/4 + 1/4 + 1/2 + 1/3) / 4.
    let questions = [
      single([9, 3, 4, 5], correct: 0), single([6, 6, 2, 1], correct: 1),
      single([2, 8], correct: 0), single([5, 4, 7], correct: 1),
    ]
    let measured = LongestOptionShare(questions, language: .english)
    #expect(measured.hits == 1.5 && measured.total == 4, "\(measured)")
    #expect(abs(measured.chance - (0.25 + 0.25 + 0.5 + 1.0 / 3) / 4) < 1e-12, "\(measured)")
    #expect(measured.share == 0.375)
    let bank = Bank(topics: [], questions: questions)
    let strict = BankLinter(minimumQuestions: 0, maximumLongestShare: 0.37).problems(in: bank)
    #expect(strict.contains { $0.message.contains("answers 38 % of the 4") }, "\(strict)")
    let loose = BankLinter(minimumQuestions: 0, maximumLongestShare: 0.375).problems(in: bank)
    #expect(!loose.contains { $0.message.contains("longest") }, "\(loose)")
  }

  @Test("exits 0 on the shipped bank and 1 with the problems on a broken one")
  func command() throws {
    let clean = runInProcess(["lint"])
    #expect(clean.status == 0)
    #expect(clean.console.output.contains("The bank is clean"))
    #expect(clean.console.output.contains("Picking the longest option (en) answers"))
    #expect(clean.console.output.contains("Picking the longest option (zh) answers"))
    let broken = breakages[0].apply(try Bank.shipped())
    let result = runInProcess(["lint"], bank: broken)
    #expect(result.status == 1)
    #expect(result.console.errorOutput.contains("id used by more than one question"))
  }
}
