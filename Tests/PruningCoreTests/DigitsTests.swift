import Foundation
import PruningCore
import PruningTestSupport
import Testing

@Suite("The digits data set")
struct DigitsTests {
  @Test("The shipped file loads: 1,797 images of 64 pixels scaled to 0…1, ten balanced classes")
  func shippedFile() throws {
    let data = try Digits.load()
    #expect(data.count == Digits.exampleCount)
    #expect(data.features.shape == [1797, 64])
    #expect(data.classCount == 10)
    #expect(data.features.scalars.allSatisfy { (0...1).contains($0) })
    #expect(data.features.scalars.contains(1))
    let counts = (0..<10).map { digit in data.labels.filter { $0 == digit }.count }
    #expect(counts.allSatisfy { (170...190).contains($0) }, "\(counts)")
    // The first image of the file is a 0 whose third pixel is 5/16.
    #expect(data.labels[0] == 0)
    #expect(data.features[0, 2] == Float(5) / 16)
  }

  @Test("Parsing scales pixels by 1/16, accepts CRLF and skips empty lines")
  func parse() throws {
    let row = (0..<64).map { String($0 % 17) }.joined(separator: ",")
    let csv = row + ",3\r\n\n" + Array(repeating: "16", count: 64).joined(separator: ",") + ",9\n"
    let data = try Digits.parse(csv: csv)
    #expect(data.labels == [3, 9])
    #expect(data.features[0, 16] == 1)
    #expect(data.features[0, 5] == Float(5) / 16)
    #expect(data.features[1, 63] == 1)
  }

  @Test("A malformed line is reported with its number and what is wrong")
  func malformedLines() {
    let good = Array(repeating: "0", count: 64).joined(separator: ",") + ",1"
    let cases: [(String, Int, String)] = [
      (
        good + "\n" + Array(repeating: "0", count: 64).joined(separator: ","), 2,
        "expected 65 comma-separated fields, got 64"
      ),
      (good.replacingOccurrences(of: ",1", with: ",x"), 1, "field 65 is \"x\", not an integer"),
      ("17" + good.dropFirst(1), 1, "pixel 1 is 17, outside 0...16"),
      (
        "\n\n" + good.replacingOccurrences(of: ",1", with: ",10"), 3,
        "label is 10, outside 0...9"
      ),
      ("-1" + good.dropFirst(1), 1, "pixel 1 is -1, outside 0...16"),
    ]
    for (csv, line, reason) in cases {
      #expect(throws: PruningError.malformedLine(source: "test.csv", line: line, reason: reason)) {
        try Digits.parse(csv: csv, source: "test.csv")
      }
    }
    #expect(throws: PruningError.emptyInput("test.csv")) {
      try Digits.parse(csv: "\n\n", source: "test.csv")
    }
    let message = PruningError.malformedLine(source: "digits.csv", line: 12, reason: "label is 10")
      .description
    #expect(message == "digits.csv, line 12: label is 10")
  }

  @Test("The 80/20 split is fixed by its seed, disjoint and complete")
  func split() throws {
    let data = try Digits.load()
    let (train, test) = try Digits.split(data)
    #expect(train.count == 1438 && test.count == 359)
    let again = try Digits.loadSplit()
    #expect(again.train == train && again.test == test)
    let other = try Digits.split(data, seed: 7)
    #expect(other.test != test)
    // Disjoint and complete: every image lands in exactly one part (compare as multisets).
    func rows(_ examples: LabeledExamples) -> [[Float]] {
      (0..<examples.count).map { i in
        Array(examples.features.scalars[(i * 64)..<((i + 1) * 64)]) + [Float(examples.labels[i])]
      }
    }
    let all = rows(data).map { $0.description }.sorted()
    #expect((rows(train) + rows(test)).map { $0.description }.sorted() == all)
    // Both parts hold every class.
    #expect(Set(test.labels) == Set(0..<10))
    #expect(throws: PruningError.invalidArgument("testFraction must be in 0...1, got 1.5")) {
      try Digits.split(data, testFraction: 1.5)
    }
  }

  @Test("Labelled examples check their shapes and labels")
  func labeledExamples() throws {
    let features = try Tensor(rows: [[0, 1], [1, 0], [1, 1]])
    let data = try LabeledExamples(features: features, labels: [1, 0, 1], classCount: 2)
    #expect(try data.subset([2, 0]).labels == [1, 1])
    #expect(try data.subset([2, 0]).features == Tensor(rows: [[1, 1], [0, 1]]))
    #expect(throws: PruningError.indexOutOfRange(index: 3, count: 3)) { try data.subset([3]) }
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [2])) {
      try LabeledExamples(features: features, labels: [1, 0], classCount: 2)
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try LabeledExamples(features: features, labels: [1, 2, 0], classCount: 2)
    }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [3])) {
      try LabeledExamples(features: Tensor([1, 2, 3]), labels: [0, 0, 0], classCount: 1)
    }
  }
}
