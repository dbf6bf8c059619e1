import Foundation
import QuizEngine
import Testing

@Suite("Session planning")
struct SessionPlannerTests {
  @Test("gives the same questions and option orders for the same seed, and others for another")
  func seeded() throws {
    let bank = try Bank.shipped()
    func plan(_ seed: UInt64) -> [AskedQuestion] {
      SessionPlanner.plan(
        bank: bank, topics: [], count: 10, review: false, seed: seed, progress: nil, now: testNow)
    }
    #expect(plan(7) == plan(7))
    #expect(plan(7).map(\.question.id) != plan(8).map(\.question.id))
    #expect(plan(7).count == 10)
  }

  @Test("draws only from the chosen topics, and no more than they hold")
  func topics() throws {
    let bank = try Bank.shipped()
    let plan = SessionPlanner.plan(
      bank: bank, topics: ["nm", "lottery"], count: 100, review: false, seed: 1, progress: nil,
      now: testNow)
    #expect(Set(plan.map(\.question.topic)) == ["nm", "lottery"])
    #expect(plan.count == bank.questions.filter { ["nm", "lottery"].contains($0.topic) }.count)
  }

  @Test("never shows an ordering question already in order")
  func orderingShuffled() throws {
    let bank = try Bank.shipped()
    for seed in UInt64(0)..<50 {
      let plan = SessionPlanner.plan(
        bank: bank, topics: [], count: 200, review: false, seed: seed, progress: nil, now: testNow)
      for asked in plan {
        if case .ordering = asked.question.kind {
          #expect(asked.order != Array(0..<asked.order.count))
        }
      }
    }
  }

  @Test("asks due questions first, then new ones, then those not yet due")
  func dueFirst() throws {
    let bank = try Bank.shipped()
    let scheduler = LeitnerScheduler()
    let ids = bank.questions.map(\.id)
    var progress: [String: QuestionProgress] = [:]
    for id in ids.dropFirst(3) {  // known, not due
      progress[id] = scheduler.record(nil, correct: true, at: testNow)
    }
    progress[ids[0]] = scheduler.record(nil, correct: false, at: testNow)  // missed: due
    let plan = SessionPlanner.plan(
      bank: bank, topics: [], count: 4, review: false, seed: 3, progress: progress, now: testNow)
    #expect(plan.map(\.question.id).first == ids[0])
    #expect(Set(plan.map(\.question.id).prefix(3)) == Set(ids.prefix(3)))
  }

  @Test("in review mode asks only questions missed or due by the injected clock")
  func review() throws {
    let bank = try Bank.shipped()
    let scheduler = LeitnerScheduler()
    let ids = bank.questions.map(\.id)
    let progress = [
      ids[0]: scheduler.record(nil, correct: false, at: testNow),
      ids[1]: scheduler.record(nil, correct: true, at: testNow),
    ]
    func review(at now: Date) -> [String] {
      SessionPlanner.plan(
        bank: bank, topics: [], count: 10, review: true, seed: 3, progress: progress, now: now
      ).map(\.question.id)
    }
    #expect(review(at: testNow) == [ids[0]])
    #expect(Set(review(at: testNow.addingTimeInterval(86_400))) == [ids[0], ids[1]])
  }

  @Test("produces an answer key that the checker accepts for every question")
  func answerKeyIsRight() throws {
    let bank = try Bank.shipped()
    let plan = SessionPlanner.plan(
      bank: bank, topics: [], count: 500, review: false, seed: 11, progress: nil, now: testNow)
    #expect(plan.count == bank.questions.count)
    for asked in plan {
      let key = SessionPlanner.answerKey(for: asked)
      if case .recall = asked.question.kind {
        #expect(key == ["", "y"])
        continue
      }
      let response = try #require(ResponseParser.parse(key[0], for: asked), "\(asked.question.id)")
      #expect(AnswerChecker.check(response, for: asked).isCorrect, "\(asked.question.id)")
    }
  }
}
