import QuizEngine
import Testing

private func choice(_ type: String, options: Int, correct: Set<Int>) -> AskedQuestion {
  let list = (0..<options).map {
    Question.Option(
      text: LocalizedText(en: "option \($0)", zh: "选项 \($0)"), isCorrect: correct.contains($0),
      whyNot: correct.contains($0) ? nil : LocalizedText(en: "no", zh: "不"))
  }
  let kind: Question.Kind = type == "single" ? .singleChoice(list) : .multipleAnswer(list)
  return AskedQuestion(question: question(kind), order: Array(0..<options))
}

private func question(_ kind: Question.Kind) -> Question {
  Question(
    id: "t", topic: "what", kind: kind, prompt: LocalizedText(en: "?", zh: "？"),
    explanation: LocalizedText(en: "e", zh: "解"), source: "s")
}

private func numeric(_ value: Double, tolerance: Double, percent: Bool = false) -> AskedQuestion {
  AskedQuestion(
    question: question(.numeric(.init(value: value, tolerance: tolerance, isPercent: percent))),
    order: [])
}

@Suite("Typed answers")
struct AnswerTests {
  @Test(
    "are normalised: NFKC, case, full-width and CJK punctuation, whitespace",
    arguments: [
      ("１、３", "1,3"), ("  Ｙ ", "y"), ("ＳＫＩＰ", "skip"), ("０．７", "0.7"), ("７０％", "70%"),
      ("1　 3", "1 3"), ("「q」", "\"q\""), ("3，1；2", "3,1;2"), ("Ａ。", "a."),
    ])
  func normalises(raw: String, normalised: String) {
    #expect(TextNormalization.normalize(raw) == normalised)
  }

  @Test("for a single choice accept one option number, in any width")
  func singleChoice() {
    let asked = choice("single", options: 4, correct: [2])
    #expect(ResponseParser.parse("3", for: asked) == .choices([2]))
    #expect(ResponseParser.parse(" ３ ", for: asked) == .choices([2]))
    for invalid in ["", "0", "5", "1 2", "c", "three", "3.0", "-1"] {
      #expect(ResponseParser.parse(invalid, for: asked) == nil, "\(invalid)")
    }
  }

  @Test("for a multiple answer accept numbers with any separator, or run together")
  func multipleAnswer() {
    let asked = choice("multiple", options: 5, correct: [0, 3])
    for text in ["1 4", "1,4", "4、1", "14", "１，４", "1;4"] {
      #expect(ResponseParser.parse(text, for: asked) == .choices([0, 3]), "\(text)")
    }
    for invalid in ["1 1", "6", "1 x", ""] {
      #expect(ResponseParser.parse(invalid, for: asked) == nil, "\(invalid)")
    }
  }

  @Test("for an ordering accept a permutation and reject repeats or gaps")
  func ordering() {
    let items = (0..<4).map { LocalizedText(en: "\($0)", zh: "\($0)") }
    let asked = AskedQuestion(question: question(.ordering(items)), order: [2, 0, 3, 1])
    #expect(ResponseParser.parse("2 4 1 3", for: asked) == .sequence([1, 3, 0, 2]))
    #expect(ResponseParser.parse("2413", for: asked) == .sequence([1, 3, 0, 2]))
    #expect(asked.correctSequence == [1, 3, 0, 2])
    for invalid in ["1 2 3", "1 1 2 3", "1 2 3 5", "1 2 3 4 4"] {
      #expect(ResponseParser.parse(invalid, for: asked) == nil, "\(invalid)")
    }
  }

  @Test("for a number accept decimals, fractions, percentages and thousands")
  func numbers() {
    let fraction = numeric(0.7, tolerance: 0.005)
    #expect(ResponseParser.parse("0.7", for: fraction) == .number(0.7))
    #expect(ResponseParser.parse(".7", for: fraction) == .number(0.7))
    #expect(ResponseParser.parse("70%", for: fraction) == .number(0.7))
    #expect(ResponseParser.parse("７／１０", for: fraction) == .number(0.7))
    #expect(ResponseParser.parse("13x", for: fraction) == .number(13))
    #expect(ResponseParser.parse("1,000", for: fraction) == .number(1000))
    let percent = numeric(21, tolerance: 0.2, percent: true)
    #expect(ResponseParser.parse("21%", for: percent) == .number(21))
    #expect(ResponseParser.parse("21 %", for: percent) == .number(21))
    #expect(ResponseParser.parse("21", for: percent) == .percentOrFraction(21))
    for invalid in ["", "abc", "0,7", "1/0", "e5", "1/2/3", "nan", "inf"] {
      #expect(ResponseParser.parse(invalid, for: fraction) == nil, "\(invalid)")
    }
  }

  @Test(
    "for a percentage accept every form the prompt names: 20.97, 20.97%, 0.2097, a fraction",
    arguments: ["20.97", "20.97%", "20.97 %", "０．２０９７", "0.2097", ".2097", "2097/10000", "21"])
  func percentForms(typed: String) throws {
    let asked = numeric(20.97, tolerance: 0.05, percent: true)
    let response = try #require(ResponseParser.parse(typed, for: asked))
    let verdict = AnswerChecker.check(response, for: asked)
    #expect(verdict.isCorrect, "typed \(typed), parsed \(response), answer 20.97 % ± 0.05")
  }

  @Test(
    "for a percentage still reject a wrong number in either form, and a fraction marked %",
    arguments: ["0.2097%", "0.3", "2.097", "30", "1/4"])
  func percentWrongForms(typed: String) throws {
    let asked = numeric(20.97, tolerance: 0.05, percent: true)
    let response = try #require(ResponseParser.parse(typed, for: asked))
    let verdict = AnswerChecker.check(response, for: asked)
    #expect(!verdict.isCorrect, "typed \(typed), parsed \(response), answer 20.97 % ± 0.05")
  }

  @Test("recognise skip, quit and help in English and Chinese")
  func commands() {
    let asked = choice("single", options: 3, correct: [0])
    #expect(ResponseParser.parse("S", for: asked) == .skip)
    #expect(ResponseParser.parse("跳过", for: asked) == .skip)
    #expect(ResponseParser.parse("q", for: asked) == .quit)
    #expect(ResponseParser.parse("退出", for: asked) == .quit)
    #expect(ResponseParser.parse("？", for: asked) == .help)
  }

  @Test("for a self-grade accept y or n in English and Chinese")
  func selfGrade() {
    #expect(ResponseParser.yesNo("Y") == true)
    #expect(ResponseParser.yesNo("是") == true)
    #expect(ResponseParser.yesNo("no") == false)
    #expect(ResponseParser.yesNo("否") == false)
    #expect(ResponseParser.yesNo("maybe") == nil)
  }

  @Test("are checked: single by the one option, multiple by the exact set")
  func checking() {
    let single = choice("single", options: 3, correct: [1])
    #expect(AnswerChecker.check(.choices([1]), for: single).isCorrect)
    #expect(
      AnswerChecker.check(.choices([0]), for: single)
        == Verdict(isCorrect: false, missed: [1], wrongPicks: [0]))
    let multiple = choice("multiple", options: 4, correct: [0, 2])
    #expect(AnswerChecker.check(.choices([0, 2]), for: multiple).isCorrect)
    #expect(
      AnswerChecker.check(.choices([0]), for: multiple) == Verdict(isCorrect: false, missed: [2]))
    #expect(
      AnswerChecker.check(.choices([0, 2, 3]), for: multiple)
        == Verdict(isCorrect: false, wrongPicks: [3]))
  }

  @Test("are checked against the shuffled order, not the stored one")
  func shuffledOrder() {
    var asked = choice("single", options: 3, correct: [0])
    asked.order = [2, 0, 1]
    #expect(asked.correctPositions == [1])
    #expect(AnswerChecker.check(.choices([1]), for: asked).isCorrect)
    #expect(!AnswerChecker.check(.choices([0]), for: asked).isCorrect)
  }

  @Test("are checked for numbers within the tolerance, inclusive")
  func tolerance() {
    let asked = numeric(13.4, tolerance: 0.5)
    #expect(AnswerChecker.check(.number(12.9), for: asked).isCorrect)
    #expect(AnswerChecker.check(.number(13.9), for: asked).isCorrect)
    #expect(!AnswerChecker.check(.number(13.95), for: asked).isCorrect)
    let exact = numeric(0.3, tolerance: 0)
    #expect(AnswerChecker.check(.number(0.1 + 0.2), for: exact).isCorrect)
    #expect(!AnswerChecker.check(.number(0.31), for: exact).isCorrect)
  }
}
