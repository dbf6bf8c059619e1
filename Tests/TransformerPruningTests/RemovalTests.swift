import PruningCore
import PruningTestSupport
import Testing
import TransformerPruning

@Suite("Physical removal: smaller models that compute what the masked models compute")
struct RemovalTests {
  @Test("The worked example: removing head 1 of block 0 and neuron 2 of block 1 of the tiny model")
  func workedExample() throws {
    let model = try Models.random(Models.tiny, seed: 3)
    let units: [StructuralUnit] = [.head(block: 0, index: 1), .neuron(block: 1, index: 2)]
    let smaller = try removeUnits(units, from: model)
    let shapes = smaller.blocks.map { [$0.headCount, $0.mlpWidth] }
    #expect(shapes == [[1, 3], [2, 2]], "[heads, MLP width] per block")
    let saved = model.parameterCount - smaller.parameterCount
    #expect(
      saved == 3 * (2 * 4 + 2) + 4 * 2 + (4 + 1 + 4),
      "a head: 3·(2·4 + 2) + 4·2; a neuron: 4 + 1 + 4")
    let tokens = Models.coveringSequence(model)
    let removed = try rows(smaller.logits(for: tokens))
    let expected = TransformerReference(model, disabling: units).run(tokens).logits
    let difference = maxDifference(removed, expected)
    #expect(difference < 1e-4, "max |Δlogit| against the units switched off: \(difference)")
  }

  @Test(
    "Removing random heads and neurons gives the masked model's logits to 1e-5",
    arguments: RandomData.seeds)
  func equalsMaskedModel(seed: UInt64) throws {
    let model = try Models.random(Models.configuration(seed: seed), seed: seed)
    var generator = SplitMix64(seed: seed)
    var units: [StructuralUnit] = []
    for (b, block) in model.blocks.enumerated() {
      var heads = Array(0..<block.headCount)
      generator.shuffle(&heads)
      units += heads.prefix(Int.random(in: 0..<block.headCount, using: &generator))
        .map { .head(block: b, index: $0) }
      var neurons = Array(0..<block.mlpWidth)
      generator.shuffle(&neurons)
      units += neurons.prefix(Int.random(in: 0..<block.mlpWidth, using: &generator))
        .map { .neuron(block: b, index: $0) }
    }
    generator.shuffle(&units)
    var groups: [ParameterSlice] = []
    for unit in units {
      let blockModel = model
      groups += try GroupOracleSlices.slices(of: unit, in: blockModel)
    }
    let smaller = try removeUnits(units, from: model)
    let masked = try model.zeroing(groups)
    for sequence in Models.sequences(model, count: 3, seed: seed) {
      let a = try rows(smaller.logits(for: sequence))
      let b = try rows(masked.logits(for: sequence))
      let difference = maxDifference(a, b)
      #expect(difference < 1e-5, "\(units): max |Δlogit| removed vs masked \(difference)")
    }
    let expectedParameters =
      model.parameterCount
      - groups.reduce(0) { total, slice in
        let shape = (try? model.tensor(slice.tensor).shape) ?? []
        return total + (shape.count == 1 ? 1 : shape[1 - slice.axis])
      }
    #expect(smaller.parameterCount == expectedParameters, "parameters left after removing \(units)")
  }

  @Test(
    "Removing residual channels matches the reference with those channels left out of the stream",
    arguments: RandomData.seeds.prefix(4))
  func residualChannels(seed: UInt64) throws {
    let model = try Models.random(Models.configuration(seed: seed), seed: seed)
    var generator = SplitMix64(seed: seed)
    var channels = Array(0..<model.width)
    generator.shuffle(&channels)
    let units = channels.prefix(Int.random(in: 1..<model.width, using: &generator))
      .map { StructuralUnit.residualChannel($0) }
    let smaller = try removeUnits(units, from: model)
    #expect(smaller.width == model.width - units.count)
    let tokens = Models.coveringSequence(model, seed: seed)
    let difference = maxDifference(
      try rows(smaller.logits(for: tokens)),
      TransformerReference(model, disabling: units).run(tokens).logits)
    #expect(difference < 1e-4, "\(units): max |Δlogit| \(difference)")
  }

  @Test("Removing nothing returns the same model")
  func removingNothing() throws {
    let model = try Models.random(Models.tiny, seed: 5)
    let same = try removeUnits([], from: model)
    #expect(same == model)
  }

  @Test("Removing every head, neuron or channel throws removesEveryUnit")
  func neverEverything() throws {
    let model = try Models.random(Models.tiny, seed: 1)
    #expect(throws: PruningError.removesEveryUnit(units: "heads of block 1", count: 2)) {
      try removeUnits([.head(block: 1, index: 1), .head(block: 1, index: 0)], from: model)
    }
    #expect(throws: PruningError.removesEveryUnit(units: "neurons of block 0", count: 3)) {
      try removeUnits((0..<3).map { .neuron(block: 0, index: $0) }, from: model)
    }
    #expect(throws: PruningError.removesEveryUnit(units: "residual channels", count: 4)) {
      try removeUnits((0..<4).map { .residualChannel($0) }, from: model)
    }
    let lastButOne = try removeUnits([.head(block: 1, index: 1)], from: model)
    #expect(lastButOne.blocks[1].headCount == 1)
  }

  @Test("A unit of another model throws indexOutOfRange; a unit twice throws invalidArgument")
  func badUnits() throws {
    let model = try Models.random(Models.tiny, seed: 1)
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try removeUnits([.head(block: 0, index: 2)], from: model)
    }
    #expect(throws: PruningError.indexOutOfRange(index: 3, count: 2)) {
      try removeUnits([.neuron(block: 3, index: 0)], from: model)
    }
    #expect(throws: PruningError.invalidArgument("neuron 1 of block 0 is listed more than once")) {
      try removeUnits([.neuron(block: 0, index: 1), .neuron(block: 0, index: 1)], from: model)
    }
  }
}

@Suite("Depth pruning: removing whole blocks")
struct BlockRemovalTests {
  @Test(
    "Removing blocks keeps the others in order and matches the reference with them skipped",
    arguments: RandomData.seeds.prefix(4))
  func matchesReference(seed: UInt64) throws {
    var configuration = Models.configuration(seed: seed)
    configuration.blockCount = 3
    let model = try Models.random(configuration, seed: seed)
    var generator = SplitMix64(seed: seed)
    var indices = [0, 1, 2]
    generator.shuffle(&indices)
    let removed = Array(indices.prefix(Int.random(in: 1...2, using: &generator)))
    let shallower = try removeBlocks(removed, from: model)
    let kept = (0..<3).filter { !removed.contains($0) }
    #expect(shallower.blocks == kept.map { model.blocks[$0] }, "removed \(removed)")
    var reference = TransformerReference(model)
    reference.disabledBlocks = Set(removed)
    let tokens = Models.coveringSequence(model)
    let difference = maxDifference(
      try rows(shallower.logits(for: tokens)), reference.run(tokens).logits)
    #expect(difference < 1e-4, "max |Δlogit| \(difference)")
  }

  @Test("Bad input throws the exact error")
  func badInput() throws {
    let model = try Models.random(Models.tiny, seed: 1)
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try removeBlocks([2], from: model)
    }
    #expect(throws: PruningError.duplicateIndex(0)) { try removeBlocks([0, 0], from: model) }
    #expect(throws: PruningError.removesEveryUnit(units: "blocks", count: 2)) {
      try removeBlocks([1, 0], from: model)
    }
    let none = try removeBlocks([], from: model)
    #expect(none == model)
  }
}

/// The dependency groups of heads and neurons written out from the layout, for building masked
/// models without the code under test.
enum GroupOracleSlices {
  static func slices(of unit: StructuralUnit, in model: TransformerLanguageModel) throws
    -> [ParameterSlice]
  {
    switch unit {
    case .head(let b, let h):
      let d = model.blocks[b].headDimension
      var slices: [ParameterSlice] = []
      for r in (h * d)..<((h + 1) * d) {
        for kind in [LinearKind.query, .key, .value] {
          let id = LinearLayerID(block: b, kind: kind)
          slices += [
            ParameterSlice(.weight(id), axis: 0, index: r),
            ParameterSlice(.bias(id), axis: 0, index: r),
          ]
        }
        slices.append(
          ParameterSlice(.weight(LinearLayerID(block: b, kind: .output)), axis: 1, index: r))
      }
      return slices
    case .neuron(let b, let i):
      return [
        ParameterSlice(.weight(LinearLayerID(block: b, kind: .mlpUp)), axis: 0, index: i),
        ParameterSlice(.bias(LinearLayerID(block: b, kind: .mlpUp)), axis: 0, index: i),
        ParameterSlice(.weight(LinearLayerID(block: b, kind: .mlpDown)), axis: 1, index: i),
      ]
    case .residualChannel:
      return []
    }
  }
}
