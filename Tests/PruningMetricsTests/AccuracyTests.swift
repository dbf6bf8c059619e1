import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("Accuracy from logits (predictedClasses, accuracy, topKAccuracy)")
struct AccuracyTests {
  /// The README's four examples: predictions 1, 0, 2, 0 for labels 1, 0, 1, 1.
  let logits =
    (try? Tensor(rows: [
      [0.1, 2.0, -1.0], [1.5, 0.3, 0.2], [0.0, 0.0, 3.0], [2.0, 1.0, 0.5],
    ])) ?? Tensor([])
  let labels = [1, 0, 1, 1]

  @Test("The worked example: top-1 0.5, top-2 0.75, top-3 1")
  func workedExample() throws {
    try expectEqual(
      predictedClasses(logits: logits), [1, 0, 2, 0], "predictedClasses(logits: logits)")
    expectClose(try accuracy(logits: logits, labels: labels), 0.5)
    expectClose(try topKAccuracy(logits: logits, labels: labels, k: 1), 0.5)
    expectClose(try topKAccuracy(logits: logits, labels: labels, k: 2), 0.75)
    expectClose(try topKAccuracy(logits: logits, labels: labels, k: 3), 1)
  }

  @Test("Top-1 ties go to the lower class index")
  func topOneTies() throws {
    let tied = try Tensor(rows: [[0.7, 0.7, 0.1], [0.2, 0.2, 0.2]])
    try expectEqual(predictedClasses(logits: tied), [0, 0], "predictedClasses(logits: tied)")
    expectClose(try accuracy(logits: tied, labels: [0, 0]), 1)
    expectClose(try accuracy(logits: tied, labels: [1, 2]), 0, "a tied higher index is wrong")
    expectClose(try accuracy(logits: tied, labels: [0, 1]), 0.5)
  }

  @Test(
    "Top-k ties at the boundary are not shared: [3, 1, 1, 1] ranks classes 0, 1, 2, 3",
    arguments: [(1, 1, 0.0), (1, 2, 1.0), (2, 2, 0.0), (2, 3, 1.0), (3, 3, 0.0), (3, 4, 1.0)])
  func topKBoundaryTies(label: Int, k: Int, expected: Double) throws {
    let tied = try Tensor(rows: [[3, 1, 1, 1]])
    expectClose(try topKAccuracy(logits: tied, labels: [label], k: k), expected)
  }

  @Test("A tie with a higher class never pushes the label out")
  func higherIndexTiesDoNotCount() throws {
    let tied = try Tensor(rows: [[5, 1, 5, 5]])
    expectClose(try topKAccuracy(logits: tied, labels: [0], k: 1), 1)
    expectClose(try topKAccuracy(logits: tied, labels: [2], k: 2), 1)
    expectClose(try topKAccuracy(logits: tied, labels: [3], k: 2), 0)
    expectClose(try topKAccuracy(logits: tied, labels: [1], k: 3), 0)
  }

  @Test(
    "Random logits with many ties agree with sorting by (logit desc, class asc)",
    arguments: RandomData.seeds)
  func randomAgainstSort(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let batch = 1 + generator.nextInt(below: 20)
    let classes = 1 + generator.nextInt(below: 8)
    let rows = (0..<batch).map { _ in
      (0..<classes).map { _ in Float(generator.nextInt(below: 4)) - 1.5 }
    }
    let labels = (0..<batch).map { _ in generator.nextInt(below: classes) }
    let tensor = try Tensor(rows: rows)
    var previous = 0.0
    for k in 1...classes {
      let actual = try topKAccuracy(logits: tensor, labels: labels, k: k)
      expectClose(actual, Oracle.topK(rows, labels: labels, k: k), "k = \(k)")
      #expect(actual >= previous, "top-\(k) fell below top-\(k - 1)")
      previous = actual
    }
    expectClose(previous, 1, "k = classes always hits")
    expectClose(
      try accuracy(logits: tensor, labels: labels), Oracle.topK(rows, labels: labels, k: 1))
    let expectedPredictions = rows.map { row in
      row.indices.min { a, b in row[a] != row[b] ? row[a] > row[b] : a < b } ?? -1
    }
    try expectEqual(
      predictedClasses(logits: tensor), expectedPredictions, "predictedClasses(logits: tensor)")
  }

  @Test("One class, one example, and an empty batch of predictions")
  func edges() throws {
    expectClose(try accuracy(logits: Tensor(rows: [[-4]]), labels: [0]), 1)
    try expectEqual(
      predictedClasses(logits: Tensor(zeros: [0, 3])).isEmpty, true,
      "predictedClasses(logits: Tensor(zeros: [0, 3])).isEmpty")
    let oneClass = try Tensor(rows: [[-4], [3], [0]])
    try expectEqual(
      predictedClasses(logits: oneClass), [0, 0, 0], "predictedClasses(logits: [[-4], [3], [0]])")
    try expectEqual(
      predictedClasses(logits: Tensor(zeros: [0, 0])), [],
      "predictedClasses(logits: Tensor(zeros: [0, 0])), no rows and no classes")
  }

  @Test("Bad shapes, an empty batch and a bad k throw the exact error")
  func badShapes() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [3])) {
      try topKAccuracy(logits: Tensor([1, 2, 3]), labels: [0], k: 1)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2, 3], actual: [4, 3])) {
      try accuracy(logits: logits, labels: [0, 1])
    }
    #expect(throws: PruningError.emptyInput("labels")) {
      try accuracy(logits: Tensor(zeros: [0, 3]), labels: [])
    }
    #expect(throws: PruningError.invalidTopK(k: 0, classes: 3)) {
      try topKAccuracy(logits: logits, labels: labels, k: 0)
    }
    #expect(throws: PruningError.invalidTopK(k: 4, classes: 3)) {
      try topKAccuracy(logits: logits, labels: labels, k: 4)
    }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [2, 1, 1])) {
      try predictedClasses(logits: Tensor(zeros: [2, 1, 1]))
    }
    #expect(throws: PruningError.emptyInput("classes")) {
      try predictedClasses(logits: Tensor(zeros: [2, 0]))
    }
  }

  @Test("Non-finite logits and labels outside 0..<classes throw the exact error")
  func badValues() throws {
    let withNaN = try Tensor(rows: [[1, 2, 3], [4, 5, .nan]])
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 2], kind: .nan)) {
      try topKAccuracy(logits: withNaN, labels: [0, 0], k: 2)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .positiveInfinity)) {
      try predictedClasses(logits: Tensor(rows: [[1, .infinity]]))
    }
    #expect(throws: PruningError.indexOutOfRange(index: 3, count: 3)) {
      try accuracy(logits: logits, labels: [1, 0, 3, 1])
    }
    #expect(throws: PruningError.indexOutOfRange(index: -1, count: 3)) {
      try accuracy(logits: logits, labels: [-1, 0, 1, 1])
    }
  }
}
