import PruningCore
import PruningTestSupport
import Testing
import TransformerPruning

@Suite("Dependency groups: everything that goes with a head, a neuron or a residual channel")
struct DependencyGroupTests {
  @Test(
    "The worked example: head 1 of 2 (dimension 2) is rows 2–3 of Q, K, V, their biases, and columns 2–3 of O"
  )
  func workedExampleHead() throws {
    let model = try Models.random(Models.tiny, seed: 1)
    let group = try dependencyGroup(of: .head(block: 0, index: 1), in: model)
    let described = Set(group.map(\.description))
    var expected: Set<String> = []
    for kind in ["query", "key", "value"] {
      for r in [2, 3] {
        expected.insert("blocks.0.attention.\(kind).weight row \(r)")
        expected.insert("blocks.0.attention.\(kind).bias entry \(r)")
      }
    }
    expected.insert("blocks.0.attention.output.weight column 2")
    expected.insert("blocks.0.attention.output.weight column 3")
    let missing = expected.subtracting(described).sorted()
    let extra = described.subtracting(expected).sorted()
    #expect(missing.isEmpty && extra.isEmpty, "missing \(missing), unexpected \(extra)")
    #expect(group.count == 14, "14 slices, no duplicates")
  }

  @Test(
    "The worked example: neuron 2 of block 1 is mlpUp row 2, its bias entry and mlpDown column 2")
  func workedExampleNeuron() throws {
    let model = try Models.random(Models.tiny, seed: 1)
    let group = try dependencyGroup(of: .neuron(block: 1, index: 2), in: model)
    let described = group.map(\.description).sorted()
    #expect(
      described == [
        "blocks.1.mlp.down.weight column 2", "blocks.1.mlp.up.bias entry 2",
        "blocks.1.mlp.up.weight row 2",
      ])
  }

  @Test(
    "A residual channel touches 5 + 12 per block slices: embeddings, norms, every reader and writer, the head"
  )
  func residualChannelCount() throws {
    let model = try Models.random(Models.tiny, seed: 2)
    let group = try dependencyGroup(of: .residualChannel(3), in: model)
    let count = group.count
    let distinct = Set(group).count
    #expect(count == 5 + 12 * model.blocks.count, "slices: \(group.map(\.description))")
    #expect(distinct == count, "no slice twice")
  }

  /// The kinds of unit the brute-force check covers.
  enum UnitKind: String, Sendable {
    case head, neuron, residualChannel
  }

  @Test(
    "Brute force: a head's, neuron's or channel's group is the scalars its removal leaves unread",
    arguments: [
      (UnitKind.head, UInt64(1)), (.head, 2), (.head, 3), (.neuron, 4), (.neuron, 5),
      (.residualChannel, 6), (.residualChannel, 7),
    ])
  func groupsAgainstBruteForce(kind: UnitKind, seed: UInt64) throws {
    var configuration = Models.configuration(seed: seed)
    if kind == .head {
      // With a single head, removing it would also leave the attention norm unread: the kit
      // never removes a layer's last head.
      configuration.headCount = max(configuration.headCount, 2)
    }
    let model = try Models.random(configuration, seed: seed)
    var generator = SplitMix64(seed: seed)
    let unit: StructuralUnit
    switch kind {
    case .head:
      let block = Int.random(in: 0..<model.blocks.count, using: &generator)
      unit = .head(
        block: block, index: Int.random(in: 0..<model.blocks[block].headCount, using: &generator))
    case .neuron:
      let block = Int.random(in: 0..<model.blocks.count, using: &generator)
      unit = .neuron(
        block: block, index: Int.random(in: 0..<model.blocks[block].mlpWidth, using: &generator))
    case .residualChannel:
      unit = .residualChannel(Int.random(in: 0..<model.width, using: &generator))
    }
    let actual = try GroupOracle.scalars(of: dependencyGroup(of: unit, in: model), in: model)
    let expected = try GroupOracle.unreadScalars(disabling: unit, in: model)
    GroupOracle.expectSameScalars(actual, expected, unit: unit)
  }

  @Test("Zeroing a head's group computes what the model with that head switched off computes")
  func zeroingTheGroupSilencesTheUnit() throws {
    let model = try Models.random(Models.tiny, seed: 9)
    let unit = StructuralUnit.head(block: 1, index: 0)
    let group = try dependencyGroup(of: unit, in: model)
    let tokens = Models.coveringSequence(model)
    let masked = try rows(model.zeroing(group).logits(for: tokens))
    let silenced = TransformerReference(model, disabling: [unit]).run(tokens).logits
    let difference = maxDifference(masked, silenced)
    #expect(difference < 1e-4, "masked model vs the head switched off: max |Δlogit| \(difference)")
    let dense = TransformerReference(model).run(tokens).logits
    let change = maxDifference(dense, silenced)
    #expect(change > 1e-3, "the head matters in the dense model: max |Δlogit| \(change)")
  }

  @Test("A block, head, neuron or channel the model does not have throws indexOutOfRange")
  func outOfRange() throws {
    let model = try Models.random(Models.tiny, seed: 1)
    let cases: [(StructuralUnit, PruningError)] = [
      (.head(block: 2, index: 0), .indexOutOfRange(index: 2, count: 2)),
      (.head(block: -1, index: 0), .indexOutOfRange(index: -1, count: 2)),
      (.head(block: 0, index: 2), .indexOutOfRange(index: 2, count: 2)),
      (.head(block: 1, index: -1), .indexOutOfRange(index: -1, count: 2)),
      (.neuron(block: 0, index: 3), .indexOutOfRange(index: 3, count: 3)),
      (.neuron(block: 5, index: 0), .indexOutOfRange(index: 5, count: 2)),
      (.residualChannel(4), .indexOutOfRange(index: 4, count: 4)),
      (.residualChannel(-1), .indexOutOfRange(index: -1, count: 4)),
    ]
    for (unit, error) in cases {
      #expect(throws: error, "\(unit)") { try dependencyGroup(of: unit, in: model) }
    }
  }
}
