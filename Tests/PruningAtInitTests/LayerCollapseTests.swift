import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

@Suite("Layer collapse (emptyLayers, isCollapsed)")
struct LayerCollapseTests {
  @Test("The worked examples: an empty layer, a path, and a dead end")
  func workedExamples() throws {
    try expectEqual(
      emptyLayers([mask("█·/··"), mask("··/··")]), [1],
      "emptyLayers([mask(\"█·/··\"), mask(\"··/··\")])")
    try expectEqual(
      isCollapsed([mask("█·/··"), mask("█·/··")]), false,
      "isCollapsed([mask(\"█·/··\"), mask(\"█·/··\")])")
    try expectEqual(
      isCollapsed([mask("█·/··"), mask("·█/··")]), true,
      "isCollapsed([mask(\"█·/··\"), mask(\"·█/··\")])")
    try expectEqual(
      isCollapsed([mask("█·/··"), mask("··/··")]), true,
      "isCollapsed([mask(\"█·/··\"), mask(\"··/··\")])")
  }

  @Test("No layer is empty and a path exists although most units are dead")
  func sparsePath() throws {
    let first = mask("····/··█·/····")  // hidden 1 ← input 2
    let second = mask("···/·█·")  // output 1 ← hidden 1
    try expectEqual(emptyLayers([first, second]), [], "emptyLayers([first, second])")
    try expectEqual(isCollapsed([first, second]), false, "isCollapsed([first, second])")
  }

  @Test("Every layer kept partly, yet no path: the kept weights do not line up")
  func misaligned() throws {
    let masks = [mask("██/··/··"), mask("···/·█·"), mask("·█")]
    let chained = [masks[0], masks[1], try masks[2].reshaped(to: [1, 2])]
    try expectEqual(emptyLayers(chained), [], "emptyLayers(chained)")
    try expectEqual(isCollapsed(chained), true, "isCollapsed(chained)")
  }

  @Test(
    "Random masks on small networks: collapsed exactly when no path exists (every path tried)",
    arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    for trial in 0..<20 {
      let depth = 1 + generator.nextInt(below: 3)
      let sizes = (0...depth).map { _ in 1 + generator.nextInt(below: 4) }
      var masks: [Mask] = []
      let density = 0.2 + 0.5 * generator.nextUnitDouble()
      for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
        let flags = (0..<(inputs * outputs)).map { _ in generator.nextUnitDouble() < density }
        masks.append(try Mask(shape: [outputs, inputs], isKept: flags))
      }
      let expectedEmpty = masks.indices.filter { masks[$0].keptCount == 0 }
      try expectEqual(
        emptyLayers(masks), expectedEmpty,
        "emptyLayers(masks)", "trial \(trial), sizes \(sizes)")
      try expectEqual(
        isCollapsed(masks), !Oracle.hasPath(masks),
        "isCollapsed(masks)", "trial \(trial), sizes \(sizes): \(masks.map { $0.picture() })")
    }
  }

  @Test("Bad input throws the exact error")
  func validation() throws {
    #expect(throws: PruningError.emptyInput("masks")) { try isCollapsed([]) }
    #expect(throws: PruningError.emptyInput("masks")) { try emptyLayers([]) }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try emptyLayers([mask("██/██"), mask("████")])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try isCollapsed([mask("██/██"), mask("███/███")])
    }
    // 3 inputs → 2 outputs, then a layer that expects 3 inputs: the error names the first
    // layer's outputs (2), not its inputs.
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try emptyLayers([mask("███/███"), mask("███/███/███/███")])
    }
  }

  /// The deeper, narrower network where the methods part ways (sizes and seed found by search).
  static let sizes = [16, 32, 32, 32, 4]

  @Test("At 99 % sparsity SynFlow keeps every layer alive where magnitude and SNIP collapse")
  func synflowAvoidsCollapse() throws {
    var generator = SplitMix64(seed: 1)
    let model = try MLP(sizes: Self.sizes, using: &generator)  // PyTorch's initialisation
    let batch = try Fixture.batch(count: 32, features: 16, classes: 4, seed: 2)
    let sparsity = 0.99
    let synflow = try synflowMasks(model, sparsity: sparsity, rounds: 100)
    let magnitude = try magnitudeMasks(model, sparsity: sparsity)
    let snip = try snipMasks(model, batch: batch, sparsity: sparsity)
    let oneShot = try synflowMasks(model, sparsity: sparsity, rounds: 1)
    let kept = { (masks: [Mask]) in masks.map(\.keptCount) }
    #expect(try !isCollapsed(synflow), "SynFlow keeps \(kept(synflow)) per layer")
    #expect(try isCollapsed(magnitude), "magnitude keeps \(kept(magnitude)) per layer")
    #expect(try isCollapsed(snip), "SNIP keeps \(kept(snip)) per layer")
    #expect(try isCollapsed(oneShot), "one-shot SynFlow keeps \(kept(oneShot)) per layer")
  }

  @Test("The bias flow can still empty a layer: with biases in ±0.5 SynFlow collapses there too")
  func biasFlowCanCollapse() throws {
    // SynFlow's guarantee is for the bias-free objective. The reference code, and the kit, let
    // |b| feed the flow: later layers then carry flow that needs no input at all.
    let model = try Fixture.randomModel(sizes: Self.sizes, seed: 1)
    let synflow = try synflowMasks(model, sparsity: 0.99, rounds: 100)
    #expect(try isCollapsed(synflow), "SynFlow keeps \(synflow.map(\.keptCount)) per layer")
    try expectEqual(
      emptyLayers(synflow), [0, 1],
      "emptyLayers(synflow)", "SynFlow keeps \(synflow.map(\.keptCount))")
  }
}
