import Foundation
import QuizEngine
import Testing

@Suite("Leitner scheduling")
struct LeitnerTests {
  let scheduler = LeitnerScheduler()
  let day: TimeInterval = 86_400

  @Test("moves a right answer up one box, at most to box 5, and a wrong one back to box 1")
  func boxes() {
    var record = scheduler.record(nil, correct: true, at: testNow)
    #expect(record.box == 2)
    for _ in 0..<10 { record = scheduler.record(record, correct: true, at: testNow) }
    #expect(record.box == 5)
    record = scheduler.record(record, correct: false, at: testNow)
    #expect(record.box == 1)
    #expect(record.timesAnswered == 12)
    #expect(record.timesCorrect == 11)
    #expect(scheduler.record(nil, correct: false, at: testNow).box == 1)
  }

  @Test("waits 0, 1, 3, 7 and 14 days in boxes 1 to 5")
  func intervals() {
    var record: QuestionProgress?
    let expected = [1.0, 3, 7, 14, 14]
    for days in expected {
      record = scheduler.record(record, correct: true, at: testNow)
      #expect(record?.due == testNow.addingTimeInterval(days * day))
    }
    let missed = scheduler.record(record, correct: false, at: testNow)
    #expect(missed.due == testNow)
  }

  @Test("makes a question due when its wait is over or it was missed, by the injected clock")
  func due() {
    let known = scheduler.record(nil, correct: true, at: testNow)
    #expect(!scheduler.isDue(known, at: testNow))
    #expect(!scheduler.isDue(known, at: testNow.addingTimeInterval(day - 1)))
    #expect(scheduler.isDue(known, at: testNow.addingTimeInterval(day)))
    let missed = scheduler.record(known, correct: false, at: testNow)
    #expect(scheduler.isDue(missed, at: testNow))
  }
}
