import Foundation
import KitEngine
import Testing

@Suite("Interview tasks: one graded file of an exercise")
struct TaskPartTests {
  /// The kit's own package root.
  private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  private static let exercises = [
    ("01", "WeightPruning"), ("02", "StructuralPruning"), ("03", "PruningMetrics"),
    ("04", "SparseFormats"), ("05", "BlockSparsity"), ("06", "WeightSharing"),
    ("07", "DynamicPruning"), ("08", "OneShotPruning"), ("09", "TransformerPruning"),
    ("10", "PruningAtInit"),
  ].map { Exercise(number: $0.0, name: $0.1) }

  @Test("Every exercise of the kit has parts, each graded by a test file with tests in it")
  func kitMapping() throws {
    let catalogue = Catalogue(
      root: Self.root, packageName: "PruningKit", exercises: Self.exercises, ownTestTargets: [])
    for exercise in Self.exercises {
      let parts = TaskPart.parts(of: exercise, in: catalogue)
      #expect(!parts.isEmpty, "\(exercise.title) has no file with a test file of its own")
      for part in parts {
        let tests = try String(
          contentsOfFile: catalogue.absolute(exercise.testsPath + "/" + part.testFile),
          encoding: .utf8)
        let count = tests.components(separatedBy: "@Test").count - 1
        #expect(count >= 1, "\(part.testFile) declares no test")
        #expect(part.file.hasPrefix(exercise.exercisePath + "/"))
        #expect(part.brief.contains("///"), "\(part.file) has no documentation to show")
      }
    }
  }

  @Test("A grade narrowed to a part counts only the checks declared in its test file")
  func narrowing() throws {
    let exercise = Exercise(number: "01", name: "WeightPruning")
    func test(_ file: String, _ name: String, _ status: TestStatus) -> TestRecord {
      TestRecord(
        id: "WeightPruningTests.S/\(name)()/\(file):3:4", displayName: name, status: status)
    }
    let run = TestRun(
      tests: [
        test("PruneCountTests.swift", "a", .passed),
        test("PruneCountTests.swift", "b", .failed),
        test("GlobalPruningTests.swift", "c", .passed),
      ], started: true, ended: true)
    let grade = Grade(exercise: exercise, status: .inProgress, run: run, declaredCount: 3)
    let part = TaskPart(
      file: "Exercises/01-WeightPruning/GlobalPruning.swift",
      testFile: "GlobalPruningTests.swift", brief: "")
    let global = part.narrow(grade)
    #expect(global.status == .passed)
    #expect(global.passedCount == 1 && global.checkCount == 1)
    let count = TaskPart(
      file: "Exercises/01-WeightPruning/PruneCount.swift", testFile: "PruneCountTests.swift",
      brief: ""
    ).narrow(grade)
    #expect(count.status == .inProgress)
    #expect(count.passedCount == 1 && count.checkCount == 2)
    let crashed = Grade(
      exercise: exercise, status: .timedOut(seconds: 60), run: run, declaredCount: 3)
    #expect(part.narrow(crashed).status == .timedOut(seconds: 60))
  }
}
