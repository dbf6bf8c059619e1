import Foundation
import KitEngine
import Testing

@Suite("kit verify --mutants")
struct MutationTests {
  @Test("Mutants change operators, bounds, rounding, constants, min/max and abs, never text")
  func generator() {
    let source = """
      /// Doc: a < b and x + y
      func f(_ a: Int, _ b: [Double]) -> Int {
        let s = "a + b \\(a - 1)"  // a * b
        let t: Array<Int> = b.map { Int($0.rounded(.toNearestOrEven)) }
        if a <= 2 && a != 0 { return min(a, abs(-a)) }
        return (0..<a).count + t.count + s.count
      }
      """
    let mutants = MutantGenerator.mutants(of: source, file: "F.swift")
    let found = mutants.map { "\($0.line): \($0.change)" }
    let expected = [
      "4: `toNearestOrEven` → `toNearestOrAwayFromZero`", "4: `toNearestOrEven` → `down`",
      "4: `toNearestOrEven` → `up`",
      "5: `<=` → `<`", "5: `2` → `3`", "5: `2` → `1`", "5: `&&` → `||`", "5: `!=` → `==`",
      "5: `0` → `1`", "5: `min` → `max`", "5: drop `abs`",
      "6: `0` → `1`", "6: `..<` → `...`", "6: `+` → `-`", "6: `+` → `-`",
    ]
    #expect(found == expected)
    let dropped = mutants.first { $0.original == "abs" }.map { $0.applied(to: source) } ?? ""
    #expect(dropped.contains("return min(a, (-a))"))
    let context = mutants.first?.context
    #expect(context == "let t: Array<Int> = b.map { Int($0.rounded(.toNearestOrEven)) }")
  }

  @Test("A seeded sample is the same for the same seed and keeps source order")
  func sample() {
    let mutants = MutantGenerator.mutants(
      of: "let x = 1 + 2 * 3 - 4 / 5 + (6 < 7 ? 8 : 9)\n", file: "F.swift")
    let first = MutationTester.sample(mutants, count: 5, seed: 7)
    let again = MutationTester.sample(mutants, count: 5, seed: 7)
    #expect(first == again)
    #expect(first.count == 5)
    let order = first.map(\.range.lowerBound)
    #expect(order == order.sorted())
    #expect(MutationTester.sample(mutants, count: 100, seed: 7) == mutants)
  }

  /// A copy of the MiniKit fixture in a temporary folder, set up for mutating the Hanging
  /// exercise's reference; ``remove()`` deletes the folder.
  struct HangingFixture {
    /// The reference file the mutants change, relative to the kit.
    static let file = "Solutions/04-Hanging/Halvings.swift"

    /// The temporary folder that holds the copy and the tester's workspace.
    let folder: String
    /// The copy of the MiniKit package.
    let kit: String
    /// The copy's catalogue.
    let catalogue: Catalogue
    /// The Hanging exercise.
    let hanging: Exercise
    /// The reference file's text before any mutant.
    let original: String

    /// The folder the mutation tester copies the kit to.
    var workspace: String { folder + "/workspace" }

    init(_ name: String) throws {
      folder = try makeTemporaryFolder(name)
      kit = folder + "/MiniKit"
      catalogue = Fixtures.miniCatalogue(root: kit)
      hanging = catalogue.exercises[3]
      do {
        try FileManager.default.copyItem(atPath: Fixtures.folder + "/MiniKit", toPath: kit)
        original = try String(contentsOfFile: kit + "/" + Self.file, encoding: .utf8)
      } catch {
        try? FileManager.default.removeItem(atPath: folder)
        throw error
      }
    }

    func remove() {
      try? FileManager.default.removeItem(atPath: folder)
    }
  }

  /// A runner standing in for `swift` on the Hanging exercise of a MiniKit copy: a build fails
  /// when the reference divides by multiplying (`value *= 2`); the tests pass on the unchanged
  /// reference and on the one slip they miss (`guard n >= 0`), and fail on every other change.
  func hangingRunner(original: String, brokenReference: Bool = false) -> ScriptedRunner {
    ScriptedRunner { command in
      let file = command.workingDirectory + "/" + HangingFixture.file
      let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
      if command.arguments.first == "build" {
        return CommandResult(status: text.contains("value *= 2") ? 1 : 0)
      }
      let passes =
        !brokenReference && (text == original || text.contains("guard n >= 0 else"))
      let stream = StreamBuilder.stream(
        target: "HangingTests",
        tests: [
          StreamBuilder.Test(name: "example"),
          StreamBuilder.Test(name: "edge", failure: passes ? nil : "wrong"),
        ])
      if let path = command.value(after: "--event-stream-output-path") {
        try? stream.write(toFile: path, atomically: true, encoding: .utf8)
      }
      return CommandResult(status: passes ? 0 : 1)
    }
  }

  @Test("On MiniKit: killed, survived and not compiling mutants, each counted and placed")
  func runOnMiniKit() throws {
    let fixture = try HangingFixture("mutants")
    defer { fixture.remove() }
    let file = HangingFixture.file
    let hanging = fixture.hanging
    let runner = hangingRunner(original: fixture.original)
    let tester = MutationTester(
      catalogue: fixture.catalogue, runner: runner, settings: GradingSettings(),
      workspace: fixture.workspace)
    let all = tester.mutants(of: hanging)
    var steps: [String] = []
    let reports = try tester.run([hanging], progress: { steps.append($0) })
    #expect(
      steps.filter { $0.contains("survived") } == ["04 Hanging: survived: \(file):9: `1` → `0`"],
      "each survivor is reported as it survives, not only in the final report")
    #expect(steps.count == all.count + 2, "the reference, each mutant, and the one survivor")

    let report = try #require(reports.first)
    #expect(report.problem == nil)
    #expect(report.generated == all.count)
    #expect(report.count(.notCompiling) == 1)
    #expect(report.count(.killed) == all.count - 2)
    let survivors = report.mutants(.survived).map(\.description)
    #expect(survivors == ["\(file):9: `1` → `0`"])
    let lines = report.lines(threshold: 0.95)
    #expect(
      lines.first
        == "  04 Hanging: \(all.count - 2) of \(all.count - 1) compiling mutants killed ("
        + String(format: "%.1f %%", Double(all.count - 2) / Double(all.count - 1) * 100)
        + ") (below 95.0 %); 1 not compiling; \(all.count) run of \(all.count) generated, "
        + "0 allow-listed as equivalent")
    let survivor =
      "    survived: \(file):9: `1` → `0`    in: guard n >= 1 else { throw .emptyInput }"
    #expect(lines.last == survivor)
    let restored = try String(contentsOfFile: fixture.workspace + "/" + file, encoding: .utf8)
    #expect(restored == fixture.original, "the workspace file is put back after each mutant")

    let builds = runner.commands.filter { $0.arguments.first == "build" }
    #expect(builds.count == all.count + 1, "the unchanged reference, then one build per mutant")
    #expect(builds.allSatisfy { $0.environment["KIT_SOLUTIONS"] == .some("1") })
    #expect(builds.allSatisfy { $0.environment["KIT_ONLY"] == .some("Hanging") })
    #expect(
      builds.allSatisfy { $0.environment["KIT_MAINTAINER"] == .some("0") },
      "the copy builds no maintainer suite")
    #expect(builds.allSatisfy { $0.workingDirectory == fixture.workspace })
    let filters = Set(runner.commands.compactMap { $0.value(after: "--filter") })
    #expect(filters == [hanging.testFilter])
  }

  @Test("An allow-listed equivalent mutant is not run, and a failing reference is a problem")
  func allowListAndBrokenReference() throws {
    let fixture = try HangingFixture("mutants-allow")
    defer { fixture.remove() }
    let hanging = fixture.hanging
    let equivalent = EquivalentMutant(
      file: HangingFixture.file, line: 9, change: "`1` → `0`", reason: "for the test's sake")
    let json = try JSONEncoder().encode([equivalent])
    try write(String(decoding: json, as: UTF8.self), to: fixture.kit + "/" + EquivalentMutant.path)
    let loaded = try MutationTester.loadEquivalents(fixture.catalogue)
    #expect(loaded == [equivalent])

    let tester = MutationTester(
      catalogue: fixture.catalogue, runner: hangingRunner(original: fixture.original),
      settings: GradingSettings(), workspace: fixture.workspace, equivalents: loaded)
    let report = try #require(try tester.run([hanging]).first)
    #expect(report.equivalent == 1)
    #expect(tester.staleEquivalents(in: [hanging]).isEmpty)
    var moved = equivalent
    moved.line = 10
    let staleTester = MutationTester(
      catalogue: fixture.catalogue, runner: hangingRunner(original: fixture.original),
      settings: GradingSettings(), workspace: fixture.workspace, equivalents: [moved])
    #expect(staleTester.staleEquivalents(in: [hanging]) == [moved], "an entry whose line moved")
    #expect(report.count(.survived) == 0)
    #expect(report.killRate == 1)

    let broken = MutationTester(
      catalogue: fixture.catalogue,
      runner: hangingRunner(original: fixture.original, brokenReference: true),
      settings: GradingSettings(), workspace: fixture.workspace)
    let failing = try #require(try broken.run([hanging], sample: 2, seed: 1).first)
    #expect(failing.problem == "the unchanged reference does not pass its suite")
    #expect(failing.results.isEmpty)
  }

  @Test("A given file (the same in Exercises/ and Solutions/) has no mutants; each file's count")
  func givenFilesAndCounts() throws {
    let fixture = try HangingFixture("mutants-given")
    defer { fixture.remove() }
    let kit = fixture.kit
    let given = "let limit = 1 + 2\n"
    try write(given, to: kit + "/Solutions/04-Hanging/Given.swift")
    try write(given, to: kit + "/Exercises/04-Hanging/Given.swift")
    try write("let other = 3 * 4\n", to: kit + "/Solutions/04-Hanging/Twin.swift")
    try write("let other = 0\n", to: kit + "/Exercises/04-Hanging/Twin.swift")
    let hanging = fixture.hanging
    let tester = MutationTester(
      catalogue: fixture.catalogue, runner: ScriptedRunner { _ in CommandResult(status: 0) },
      settings: GradingSettings(), workspace: fixture.workspace)
    let files = tester.mutantsByFile(of: hanging).map(\.file)
    #expect(
      files == ["Solutions/04-Hanging/Halvings.swift", "Solutions/04-Hanging/Twin.swift"])
    #expect(tester.givenFiles(of: hanging) == ["Solutions/04-Hanging/Given.swift"])
    #expect(!tester.mutants(of: hanging).contains { $0.file.hasSuffix("Given.swift") })

    let report = try #require(try tester.run([hanging], listOnly: true).first)
    #expect(report.results.isEmpty)
    #expect(report.perFile["Solutions/04-Hanging/Twin.swift"] == 5)
    #expect(report.generated == report.perFile.values.reduce(0, +))
    let lines = report.inventoryLines()
    #expect(lines.contains("    Twin.swift: 5"))
    #expect(lines.first?.hasSuffix("; 1 given file left out") == true)
    #expect(
      !FileManager.default.fileExists(atPath: fixture.workspace),
      "--list copies and builds nothing")
  }

  @Test("verify --mutants takes its options; they go with it alone")
  func parsing() throws {
    let plain = try KitInvocation.parse(["verify", "--mutants"]).command
    #expect(plain == .mutants(MutationOptions()))
    let full = try KitInvocation.parse([
      "verify", "--mutants", "--exercise", "04", "--sample", "12", "--seed", "3",
      "--threshold", "0.9",
    ]).command
    #expect(
      full == .mutants(MutationOptions(exercise: "04", sample: 12, seed: 3, threshold: 0.9)))
    let list = try KitInvocation.parse(["verify", "--mutants", "--list"]).command
    #expect(list == .mutants(MutationOptions(listsOnly: true)))
    for arguments in [
      ["verify", "--sample", "3"], ["check", "01", "--mutants"],
      ["verify", "--mutants", "--sample", "0"], ["verify", "--mutants", "--threshold", "2"],
      ["verify", "--mutants", "--seed", "-1"], ["verify", "--list"],
    ] {
      #expect(throws: KitError.self, "\(arguments)") { try KitInvocation.parse(arguments) }
    }
  }
}
