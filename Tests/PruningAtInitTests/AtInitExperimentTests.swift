import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

/// The experiment's masks on the real digits network (training is left to
/// `swift run -c release capstone at-init`).
@Suite("The digits experiment's masks (AtInitExperiment)")
struct ExperimentTests {
  func setUp() throws -> (model: MLP, batch: LabeledExamples) {
    let (train, _) = try Digits.loadSplit()
    var generator = SplitMix64(seed: 1)
    let model = try MLP(sizes: DigitsBaseline.sizes, using: &generator)
    return (model, try AtInitExperiment.snipBatch(from: train, seed: 1))
  }

  @Test("At 90 %: the right counts per method, and the controls keep SNIP's layer ratios")
  func counts() throws {
    let (model, batch) = try setUp()
    var masks: [AtInitExperiment.Method: [Mask]] = [:]
    // SynFlow's rows are left out here: 100 rounds on 9,472 weights take seconds in a debug
    // build; the next test checks SynFlow on the same network.
    let methods: [AtInitExperiment.Method] = [
      .dense, .snip, .snipShuffled, .snipRatios, .magnitude, .uniformRandom,
    ]
    for method in methods {
      masks[method] = try AtInitExperiment.masks(
        method, sparsity: 0.9, model: model, batch: batch, seed: 1)
    }
    let kept = { (method: AtInitExperiment.Method) in masks[method]?.map(\.keptCount) ?? [] }
    #expect(kept(.dense) == [8192, 1280])
    for method in [AtInitExperiment.Method.snip, .magnitude] {
      #expect(kept(method).reduce(0, +) == 9472 - 8525, "\(method.rawValue): \(kept(method))")
    }
    #expect(kept(.uniformRandom) == [819, 128])
    #expect(kept(.snipShuffled) == kept(.snip))
    #expect(kept(.snipRatios) == kept(.snip))
    #expect(masks[.snipShuffled] != masks[.snip])
  }

  @Test("Magnitude at init empties the output layer already at 90 %; SNIP and SynFlow do not")
  func collapseOnDigits() throws {
    let (model, batch) = try setUp()
    let magnitude = try magnitudeMasks(model, sparsity: 0.9)
    let snip = try snipMasks(model, batch: batch, sparsity: 0.9)
    let synflow = try synflowMasks(model, sparsity: 0.9, rounds: 20)
    try expectEqual(
      emptyLayers(magnitude), [1],
      "emptyLayers(magnitude)", "kept \(magnitude.map(\.keptCount))")
    #expect(try isCollapsed(magnitude))
    #expect(try !isCollapsed(snip), "kept \(snip.map(\.keptCount))")
    #expect(try !isCollapsed(synflow), "kept \(synflow.map(\.keptCount))")
    #expect(synflow.reduce(0) { $0 + $1.keptCount } == 9472 - 8525)
  }
}
