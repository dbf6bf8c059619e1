import Foundation
import QuizEngine
import Testing

@Suite("The shipped question bank")
struct BankTests {
  @Test("loads from the package resources with at least 124 questions")
  func loads() throws {
    let bank = try Bank.shipped()
    #expect(bank.questions.count >= Coverage.minimumQuestions)
    #expect(bank.topics.count == Coverage.requiredTopics.count)
  }

  @Test("is lint-clean")
  func lintClean() throws {
    let problems = BankLinter().problems(in: try Bank.shipped())
    #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
  }

  @Test("has every question type, each required topic and a recall item for each article question")
  func coverage() throws {
    let bank = try Bank.shipped()
    let types = Set(bank.questions.map(\.kind.typeName))
    #expect(types == ["single", "multiple", "order", "numeric", "recall"])
    for topic in Coverage.requiredTopics {
      #expect(bank.questions.contains { $0.topic == topic }, "no question in \(topic)")
    }
    for (tag, _) in Coverage.articleQuestions {
      #expect(bank.questions.contains { $0.covers.contains(tag) && $0.kind.typeName == "recall" })
    }
  }

  @Test("gives every wrong option a why-not line in both languages")
  func whyNots() throws {
    for question in try Bank.shipped().questions {
      for option in question.kind.options where !option.isCorrect {
        let whyNot = try #require(option.whyNot, "\(question.id)")
        #expect(!whyNot.en.isEmpty && !whyNot.zh.isEmpty, "\(question.id)")
      }
    }
  }

  @Test("survives a write and a reload unchanged")
  func roundTrip() throws {
    let folder = try TemporaryFolder()
    let bank = try Bank.shipped()
    try bank.write(to: folder.url)
    let reloaded = try Bank.load(from: folder.url)
    #expect(reloaded.topics == bank.topics)
    #expect(reloaded.questions.map(\.id) == bank.questions.map(\.id))
    #expect(reloaded.questions == bank.questions)
  }

  @Test("reports the file and field of a malformed question")
  func malformedFile() throws {
    let folder = try TemporaryFolder()
    try Bank.shipped().write(to: folder.url)
    let broken = folder.path("questions/99-broken.json")
    try Data(#"{"topic": "what", "questions": [{"id": "x", "type": "single"}]}"#.utf8)
      .write(to: broken)
    #expect {
      try Bank.load(from: folder.url)
    } throws: { error in
      guard case .malformed(let file, let reason) = error as? BankError else { return false }
      return file == "questions/99-broken.json" && reason.contains("questions[0]")
    }
  }

  @Test("says which file is missing")
  func missingFile() throws {
    let folder = try TemporaryFolder()
    #expect(throws: BankError.missingFile("\(folder.url.lastPathComponent)/topics.json")) {
      try Bank.load(from: folder.url)
    }
  }
}
