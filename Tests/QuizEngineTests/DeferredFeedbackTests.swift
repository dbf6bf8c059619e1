import Foundation
import KitSupport
import QuizEngine
import Testing

@Suite("A session that asks one question at a time and judges at the end")
struct DeferredFeedbackTests {
  @Test("records each answer at once, says nothing of it, then reviews every question")
  func defersThenReviews() throws {
    let bank = try Bank.shipped()
    let plan = SessionPlanner.plan(
      bank: bank, topics: ["formats"], count: 2, review: false, seed: 3, progress: nil,
      now: testNow)
    try #require(plan.count == 2)
    try #require(plan.allSatisfy { if case .recall = $0.question.kind { false } else { true } })
    let right = SessionPlanner.answerKey(for: plan[0])
    let wrong = wrongAnswer(for: plan[1])
    let console = ScriptedConsole(input: right + [wrong])
    let store = ProgressStore.inMemory()
    let session = QuizSession(
      bank: bank, planned: plan, store: store, now: testNow, console: console,
      language: .english, style: TextStyle(usesColor: false), width: nil)
    session.defersFeedback = true
    let first = session.ask(questionAt: 0)
    let second = session.ask(questionAt: 1)
    #expect(first == .correct && second == .wrong)
    #expect(session.ask(questionAt: 2) == nil)
    let asked = console.output
    #expect(!asked.contains("Correct.") && !asked.contains("Incorrect."))
    #expect(!asked.contains(plan[1].question.explanation.en))
    #expect(store.progress(of: plan[0].question.id)?.lastCorrect == true)
    #expect(store.progress(of: plan[1].question.id)?.lastCorrect == false)

    session.showReview(questionAt: 0, outcome: first)
    session.showReview(questionAt: 1, outcome: second)
    let review = String(console.output.dropFirst(asked.count))
    let correct = try #require(review.range(of: "Correct."))
    let incorrect = try #require(review.range(of: "Incorrect."))
    #expect(correct.lowerBound < incorrect.lowerBound)
    #expect(review.contains(plan[1].question.explanation.en))
  }
}
