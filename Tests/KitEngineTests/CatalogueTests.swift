import KitEngine
import Testing

@Suite("The exercise catalogue")
struct CatalogueTests {
  @Test("Exercises are the targets whose path starts with Exercises/, in manifest order")
  func fromDump() throws {
    let json = try Fixtures.recorded("MiniKit-dump.json")
    let catalogue = try Catalogue(dumpPackageJSON: json, root: "/m")
    #expect(catalogue.packageName == "MiniKit")
    #expect(catalogue.testProduct == "MiniKitPackageTests")
    #expect(
      catalogue.exercises.map(\.title) == [
        "01 Passing", "02 Failing", "03 Crashing", "04 Hanging", "05 Broken", "06 Untouched",
      ])
    #expect(catalogue.exercises.first?.exercisePath == "Exercises/01-Passing")
    #expect(catalogue.exercises.first?.solutionPath == "Solutions/01-Passing")
    #expect(catalogue.exercises.first?.testsPath == "Tests/PassingTests")
    #expect(catalogue.ownTestTargets == ["MiniCoreTests"])
  }

  @Test("Output that is not a package description is an error")
  func badDump() {
    #expect(throws: KitError.self) { try Catalogue(dumpPackageJSON: "error: nope", root: "/m") }
  }

  @Test("An exercise's test filter selects its own target only, with the dot escaped")
  func testFilter() {
    #expect(Exercise(number: "01", name: "WeightPruning").testFilter == #"^WeightPruningTests\."#)
    #expect(TestFilter.anyOf(["A", "B.C"]) == #"^(A|B\.C)\."#)
  }

  @Test(
    "Numbers, module names, folder names and unambiguous words or prefixes find an exercise",
    arguments: [
      ("01", "WeightPruning"), ("1", "WeightPruning"), ("7", "DynamicPruning"),
      ("WeightPruning", "WeightPruning"), ("weightpruning", "WeightPruning"),
      ("01-WeightPruning", "WeightPruning"), ("Exercises/04-SparseFormats/", "SparseFormats"),
      ("weight", "WeightPruning"), ("metrics", "PruningMetrics"), ("sparse", "SparseFormats"),
      ("struct", "StructuralPruning"), ("sharing", "WeightSharing"), ("block", "BlockSparsity"),
      ("dyn", "DynamicPruning"), ("WeightSharingTests", "WeightSharing"),
    ])
  func lookUp(query: String, expected: String) {
    #expect(Fixtures.kitCatalogue.match(query).name == expected)
  }

  @Test("An ambiguous word lists the candidates; an unknown one lists every exercise")
  func ambiguousAndUnknown() {
    let catalogue = Fixtures.kitCatalogue
    guard case .ambiguous(let candidates) = catalogue.match("pruning") else {
      Issue.record("'pruning' should be ambiguous")
      return
    }
    #expect(
      candidates.map(\.name) == [
        "WeightPruning", "StructuralPruning", "PruningMetrics", "DynamicPruning",
      ])
    #expect(catalogue.match("spars").name == nil)
    #expect(catalogue.match("08") == .none)
    #expect(catalogue.match("") == .none)
    #expect(throws: KitError.self) { try catalogue.exercise(named: "quantization") }
    do {
      _ = try catalogue.exercise(named: "w")
      Issue.record("'w' should be ambiguous")
    } catch {
      #expect(error.isUsageError)
      #expect(error.description.contains("01 WeightPruning (weight)"))
      #expect(error.description.contains("06 WeightSharing (sharing)"))
    }
  }

  @Test("The alias shown in messages is the shortest everyday name that finds the exercise")
  func aliases() {
    let catalogue = Fixtures.kitCatalogue
    #expect(
      catalogue.exercises.map(catalogue.alias(for:)) == [
        "weight", "structural", "metrics", "sparse", "block", "sharing", "dynamic",
      ])
    let mini = Fixtures.miniCatalogue()
    #expect(
      mini.exercises.map(mini.alias(for:)) == [
        "passing", "failing", "crashing", "hanging", "broken", "untouched",
      ])
  }

  @Test("Module names split into words at their capitals, acronyms kept whole")
  func words() {
    #expect(Catalogue.words(of: "SparseFormats") == ["sparse", "formats"])
    #expect(Catalogue.words(of: "CSRMatrix") == ["csr", "matrix"])
    #expect(Catalogue.words(of: "Layer2Norm") == ["layer2", "norm"])
  }
}

extension ExerciseMatch {
  /// The matched module name, or `nil` when the match is ambiguous or empty.
  var name: String? {
    if case .exercise(let exercise) = self { return exercise.name }
    return nil
  }
}
