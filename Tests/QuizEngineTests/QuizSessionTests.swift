import Foundation
import KitSupport
import QuizEngine
import Testing

@Suite("A quiz session, scripted in process")
struct QuizSessionTests {
  let base = ["--seed", "7", "--count", "5", "--no-save"]

  @Test("scores a fully right session 5 of 5 and exits 0")
  func allRight() throws {
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let result = runInProcess(base, input: key.lines)
    #expect(result.status == 0)
    #expect(result.console.output.contains("Score: 5 of 5 correct."))
    #expect(result.console.output.contains("seed 7"))
    #expect(!result.console.output.contains("missed:"))
  }

  @Test("scores one wrong answer 4 of 5, names the missed id in its topic, and exits 1")
  func oneWrong() throws {
    let bank = try Bank.shipped()
    let key = answerKey(seed: 7, count: 5, bank: bank)
    let first = try #require(key.plan.first)
    var lines = key.lines
    lines[0] = wrongAnswer(for: first)
    let result = runInProcess(base, input: lines)
    #expect(result.status == 1)
    let output = result.console.output
    #expect(output.contains("Incorrect."))
    #expect(output.contains("Score: 4 of 5 correct."))
    let topicName = try #require(bank.topic(first.question.topic)).name.en
    let summaryLine = output.split(separator: "\n").first {
      $0.contains(topicName) && $0.contains("missed:")
    }
    #expect(summaryLine?.contains(first.question.id) == true, "\(output)")
  }

  @Test("asks again after an invalid answer, without penalty")
  func reprompts() throws {
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    // Invalid for every kind of question but recall: not a number, a division by zero, nothing.
    let result = runInProcess(base, input: ["banana", "9/0", ""] + key.lines)
    #expect(result.status == 0)
    #expect(result.console.output.contains("Please type"))
    #expect(result.console.output.contains("Score: 5 of 5 correct."))
  }

  @Test("explains a wrong pick with its why-not line")
  func whyNot() throws {
    let (small, question) = try oneQuestionBank("nm-definition")
    let key = answerKey(seed: 1, count: 1, bank: small)
    let asked = try #require(key.plan.first)
    guard case .singleChoice(let options) = question.kind else {
      Issue.record("nm-definition should be a single-choice question")
      return
    }
    let wrong = try #require(Int(wrongAnswer(for: asked))) - 1
    let result = runInProcess(
      ["--no-save", "--seed", "1"], input: [String(wrong + 1)], bank: small)
    let whyNot = try #require(options[asked.order[wrong]].whyNot)
    #expect(result.status == 1)
    #expect(result.console.output.contains("Why not \(wrong + 1): \(whyNot.en)"))
    #expect(result.console.output.contains("The answer: "))
  }

  @Test("counts a skipped question as missed and lists it as skipped")
  func skip() throws {
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let result = runInProcess(base, input: ["s"] + key.lines.dropFirst())
    #expect(result.status == 1)
    #expect(result.console.output.contains("Skipped."))
    #expect(result.console.output.contains("skipped: \(key.plan[0].question.id)"))
    #expect(result.console.output.contains("Score: 4 of 5 correct."))
  }

  @Test("ends early on q or at the end of input and still prints the summary")
  func endsEarly() throws {
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    for ending in [["q"], []] {
      let result = runInProcess(base, input: Array(key.lines.prefix(2)) + ending)
      #expect(result.status == 1)
      #expect(result.console.output.contains("Score: 2 of 5 correct."))
      #expect(result.console.output.contains("Not reached: 3"))
    }
  }

  @Test("self-grades a recall question from y or n after showing the model answer")
  func recall() throws {
    let bank = try Bank.shipped()
    let question = try #require(bank.questions.first { $0.covers.contains("article-1") })
    let small = Bank(topics: bank.topics, questions: [question])
    let yes = runInProcess(
      ["--no-save", "--seed", "1"], input: ["my attempt", "maybe", "y"], bank: small)
    #expect(yes.status == 0)
    #expect(yes.console.output.contains("Model answer:"))
    #expect(yes.console.output.contains("Please type y (yes) or n (no)."))
    #expect(yes.console.output.contains("Marked as known."))
    let no = runInProcess(["--no-save", "--seed", "1"], input: ["", "n"], bank: small)
    #expect(no.status == 1)
    #expect(no.console.output.contains("Marked for review."))
  }

  @Test("accepts a percentage for a numeric question and shows the accepted range when wrong")
  func numeric() throws {
    let (small, _) = try oneQuestionBank("schedules-cubic-value")
    #expect(runInProcess(["--no-save"], input: ["70%"], bank: small).status == 0)
    let wrong = runInProcess(["--no-save"], input: ["0.5"], bank: small)
    #expect(wrong.status == 1)
    #expect(wrong.console.output.contains("Your answer: 0.5"))
    #expect(wrong.console.output.contains("The answer: 0.7 (accepted: 0.695 to 0.705)"))
  }

  @Test("asks in Chinese with --lang zh or a zh_* LANG")
  func chinese() throws {
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let flag = runInProcess(base + ["--lang", "zh"], input: key.lines)
    #expect(flag.console.output.contains("第 1 题，共 5 题"))
    #expect(flag.console.output.contains("得分：5 题中答对 5 题。"))
    let environment = runInProcess(base, input: key.lines, environment: ["LANG": "zh_CN.UTF-8"])
    #expect(environment.console.output.contains("第 1 题，共 5 题"))
    let english = runInProcess(
      base + ["--lang", "en"], input: key.lines, environment: ["LANG": "zh_CN.UTF-8"])
    #expect(english.console.output.contains("Question 1 of 5"))
  }

  @Test("colours a terminal, says right and wrong in words too, and never colours for NO_COLOR")
  func colour() throws {
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let coloured = runInProcess(
      base, input: key.lines, environment: ["TERM": "xterm"], isTerminal: true)
    #expect(coloured.console.output.contains("\u{1B}[32mCorrect.\u{1B}[0m"))
    let plain = runInProcess(
      base, input: key.lines, environment: ["TERM": "xterm", "NO_COLOR": "1"], isTerminal: true)
    #expect(!plain.console.output.contains("\u{1B}"))
    #expect(plain.console.output.contains("Correct."))
  }

  @Test("wraps text to the terminal width without splitting Chinese characters")
  func wrapping() throws {
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let result = runInProcess(
      base + ["--lang", "zh", "--no-color"], input: key.lines, isTerminal: true)
    // Every line but the prompts (whose typed answer follows on the same line) fits.
    for line in result.console.output.split(separator: "\n") where !line.contains("；s 跳过") {
      #expect(DisplayWidth.of(String(line)) <= 60, "\(line)")
    }
  }

  @Test("records each answer in the progress file and reviews the missed one next time")
  func progressAndReview() throws {
    let folder = try TemporaryFolder()
    let state = folder.path("progress.json").path
    let bank = try Bank.shipped()
    let key = answerKey(seed: 7, count: 5, bank: bank)
    var lines = key.lines
    lines[0] = wrongAnswer(for: key.plan[0])
    let arguments = [
      "--seed", "7", "--count", "5", "--state", state, "--now", "2026-03-01T09:00:00Z",
    ]
    #expect(runInProcess(arguments, input: lines).status == 1)
    let store = ProgressStore.open(at: URL(fileURLWithPath: state), now: testNow)
    #expect(store.file.questions.count == 5)
    #expect(store.progress(of: key.plan[0].question.id)?.box == 1)
    let review = runInProcess(
      ["--review", "--state", state, "--now", "2026-03-01T10:00:00Z"], input: [])
    #expect(review.console.output.contains("Question 1 of 1"))
    #expect(review.console.output.contains(key.plan[0].question.id))
    let tomorrow = runInProcess(
      ["--review", "--state", state, "--now", "2026-03-02T10:00:00Z", "--count", "50"], input: [])
    #expect(tomorrow.console.output.contains("of 5 ·"))
  }

  @Test("records a skip as missed, so --review brings it back, and says swift run quiz --review")
  func skipIsReviewed() throws {
    let folder = try TemporaryFolder()
    let state = folder.path("progress.json").path
    let key = answerKey(seed: 7, count: 5, bank: try Bank.shipped())
    let skippedID = key.plan[0].question.id
    let firstQuestionLines = SessionPlanner.answerKey(for: key.plan[0]).count
    let lines = ["s"] + key.lines.dropFirst(firstQuestionLines)
    let arguments = [
      "--seed", "7", "--count", "5", "--state", state, "--now", "2026-03-01T09:00:00Z",
    ]
    let first = runInProcess(arguments, input: Array(lines))
    #expect(first.status == 1)
    #expect(first.console.output.contains("skipped: \(skippedID)"))
    #expect(first.console.output.contains("Run swift run quiz --review"))
    let store = ProgressStore.open(at: URL(fileURLWithPath: state), now: testNow)
    let record = store.progress(of: skippedID)
    #expect(
      record?.box == 1 && record?.lastCorrect == false, "record: \(String(describing: record))")
    let review = runInProcess(
      ["--review", "--state", state, "--now", "2026-03-01T10:00:00Z"], input: [])
    #expect(review.console.output.contains("Question 1 of 1"), "\(review.console.output)")
    #expect(review.console.output.contains(skippedID))
  }

  @Test("marks a percentage typed as a fraction right, and shows both readings of a wrong one")
  func percentAsFraction() throws {
    let (small, _) = try oneQuestionBank("lottery-remaining")  // 20.97 %
    let right = runInProcess(["--no-save", "--seed", "1"], input: ["0.2097"], bank: small)
    #expect(right.status == 0, "\(right.console.output)")
    #expect(right.console.output.contains("Correct."))
    let wrong = runInProcess(["--no-save", "--seed", "1"], input: ["0.3"], bank: small)
    #expect(wrong.status == 1)
    #expect(wrong.console.output.contains("Your answer: 0.3 (30%)"), "\(wrong.console.output)")
  }

  @Test("accepts a topic in any case")
  func topicCase() throws {
    let result = runInProcess(["--topic", "Formats,NM", "--count", "1", "--no-save", "--seed", "3"])
    #expect(result.status != 64, "\(result.console.errorOutput)")
    #expect(result.console.output.contains("Question 1 of 1"))
  }

  @Test("translates argument errors under --lang zh, even when --lang comes after them")
  func chineseUsageErrors() {
    let before = runInProcess(["--lang", "zh", "--count", "x"])
    #expect(before.status == 64)
    #expect(
      before.console.errorOutput.contains("--count 需要一个不小于 1 的整数"), "\(before.console.errorOutput)")
    let after = runInProcess(["--bogus", "--lang=zh"])
    #expect(after.status == 64)
    #expect(after.console.errorOutput.contains("未知选项 --bogus"), "\(after.console.errorOutput)")
    #expect(after.console.errorOutput.contains("查看用法"))
  }

  @Test("says so when nothing is due for review, and exits 0")
  func nothingDue() {
    let result = runInProcess(["--review", "--no-save"])
    #expect(result.status == 0)
    #expect(result.console.output.contains("Nothing is due for review"))
  }

  @Test("rejects an unknown topic as bad usage")
  func unknownTopic() {
    let result = runInProcess(["--topic", "quantization"])
    #expect(result.status == 64)
    #expect(result.console.errorOutput.contains("unknown topic \"quantization\""))
  }
}
