import PruningCore
import PruningTestSupport
import StructuralPruning
import Testing

@Suite("Structured (ln_structured) masks")
struct LnStructuredMaskTests {
  let w = (try? Tensor(rows: [[1, 2], [0.1, 0.1], [3, 0]])) ?? Tensor([])

  @Test("Dimension 0 with .count(1) prunes row 1, the row with the smallest L2 norm")
  func rows() throws {
    let m = try lnStructuredMask(w, amount: .count(1), norm: .l2, dimension: 0)
    expectMask(m, equals: mask("██/··/██"))
  }

  @Test("Dimension 1 with .count(1) prunes column 1")
  func columns() throws {
    let m = try lnStructuredMask(w, amount: .count(1), norm: .l2, dimension: 1)
    expectMask(m, equals: mask("█·/█·/█·"))
  }

  @Test("L1 and L2 can disagree: the norm argument decides which row goes")
  func normMatters() throws {
    // Row 0: L1 4, L2 2. Row 1: L1 2.5, L2 2.5.
    let weights = try Tensor(rows: [[1, 1, 1, 1], [2.5, 0, 0, 0]])
    let byL1 = try lnStructuredMask(weights, amount: .count(1), norm: .l1, dimension: 0)
    expectMask(byL1, equals: mask("████/····"))
    let byL2 = try lnStructuredMask(weights, amount: .count(1), norm: .l2, dimension: 0)
    expectMask(byL2, equals: mask("····/████"))
  }

  @Test(
    "A fraction of C channels is rounded half to even",
    arguments: [(5, 0.5, 2), (7, 0.5, 4), (3, 0.5, 2), (1, 0.5, 0), (10, 0.15, 2), (4, 0.3, 1)])
  func fractionRounding(channels: Int, fraction: Double, pruned: Int) throws {
    // Rows with norms 1, 2, 3, …: the first `pruned` rows go.
    let weights = try Tensor(
      shape: [channels, 2], scalars: (0..<channels).flatMap { [Float($0 + 1), 0] })
    let m = try lnStructuredMask(weights, amount: .fraction(fraction), norm: .l1, dimension: 0)
    let expected = (0..<channels).flatMap { row in [row >= pruned, row >= pruned] }
    expectMask(m, equals: expected)
  }

  @Test("Among channels with equal norms the lower index is pruned first")
  func ties() throws {
    let weights = try Tensor(rows: [[1, 0], [0, -1], [0.5, 0.5], [1, 0]])
    let m = try lnStructuredMask(weights, amount: .count(2), norm: .l1, dimension: 0)
    expectMask(m, equals: mask("··/··/██/██"))
  }

  @Test("Amount 0 keeps everything, amount 1 and .count(C) prune everything")
  func extremes() throws {
    expectMask(
      try lnStructuredMask(w, amount: .fraction(0), norm: .l2, dimension: 0),
      equals: mask("██/██/██"))
    expectMask(
      try lnStructuredMask(w, amount: .count(0), norm: .l1, dimension: 0),
      equals: mask("██/██/██"))
    expectMask(
      try lnStructuredMask(w, amount: .fraction(1), norm: .l2, dimension: 1),
      equals: mask("··/··/··"))
    expectMask(
      try lnStructuredMask(w, amount: .count(2), norm: .l1, dimension: 1),
      equals: mask("··/··/··"))
  }

  @Test(
    "Random tensors: whole channels go, exactly k of them, the lowest-norm ones",
    arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let rank = 2 + generator.nextInt(below: 3)
    let shape = RandomData.shape(rank: rank, dimensions: 1...5, seed: seed)
    let weights = RandomData.tensor(shape: shape, seed: seed &+ 3)
    let dimension = generator.nextInt(below: rank)
    let norm: Norm = generator.nextInt(below: 2) == 0 ? .l1 : .l2
    let fraction = RandomData.fraction(seed: seed &+ 4)
    let channels = shape[dimension]
    let k = Oracle.roundHalfEven(Double(channels) * fraction)
    let scores = Oracle.channelNorms(weights, l1: norm == .l1, dimension: dimension)
    let expected = Oracle.structuredMask(
      weights, pruned: Oracle.pruned(scores, k: k), dimension: dimension)
    let m = try lnStructuredMask(
      weights, amount: .fraction(fraction), norm: norm, dimension: dimension)
    #expect(m.shape == shape)
    expectMask(m, equals: expected, "shape \(shape), dimension \(dimension), \(norm), k \(k)")
  }

  @Test("Bad amounts throw the exact error")
  func badAmounts() throws {
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try lnStructuredMask(w, amount: .fraction(1.5), norm: .l2, dimension: 0)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-0.1))) {
      try lnStructuredMask(w, amount: .fraction(-0.1), norm: .l2, dimension: 0)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(.infinity))) {
      try lnStructuredMask(w, amount: .fraction(.infinity), norm: .l2, dimension: 0)
    }
    #expect(throws: PruningError.invalidAmount(.count(-1))) {
      try lnStructuredMask(w, amount: .count(-1), norm: .l2, dimension: 0)
    }
    #expect(throws: PruningError.amountExceedsCount(requested: 3, available: 2)) {
      try lnStructuredMask(w, amount: .count(3), norm: .l2, dimension: 1)
    }
  }

  @Test("Vectors, bad dimensions and non-finite weights throw the exact error")
  func badWeights() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try lnStructuredMask(Tensor([1, 2, 3, 4]), amount: .count(1), norm: .l1, dimension: 0)
    }
    #expect(throws: PruningError.invalidDimension(dimension: 3, rank: 2)) {
      try lnStructuredMask(w, amount: .count(1), norm: .l1, dimension: 3)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .positiveInfinity)) {
      try lnStructuredMask(
        Tensor(rows: [[1, .infinity], [1, 1]]), amount: .count(1), norm: .l1, dimension: 0)
    }
  }
}

@Suite("Structured masks on a dense layer are not neuron removal")
struct LnStructuredLayerTests {
  let layer =
    (try? Dense(
      weight: Tensor(rows: [[1, 2], [0.1, 0.1], [3, 0]]), bias: Tensor([0, 0.5, 0])))
    ?? (try? Dense(weight: Tensor(zeros: [0, 0]), bias: Tensor([])))

  @Test("The worked example: row 1 is zeroed, the shape and the bias stay")
  func workedExample() throws {
    let original = try #require(layer)
    let pruned = try lnStructured(original, amount: .count(1), norm: .l2, dimension: 0)
    expectClose(pruned.weight, try Tensor(rows: [[1, 2], [0, 0], [3, 0]]))
    #expect(pruned.bias == original.bias)
    let y = try pruned.forward(Tensor(rows: [[7, 7]]))
    expectClose(y, try Tensor(rows: [[21, 0.5, 21]]))
  }

  @Test("A pruned unit still outputs its bias for every input", arguments: RandomData.seeds)
  func prunedUnitsOutputBias(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let dense = try Dense(inputSize: 5, outputSize: 6, using: &generator)
    let pruned = try lnStructured(dense, amount: .fraction(0.5), norm: .l1, dimension: 0)
    #expect(pruned.weight.shape == dense.weight.shape)
    #expect(pruned.bias == dense.bias)
    let scores = Oracle.channelNorms(dense.weight, l1: true, dimension: 0)
    let removed = Oracle.pruned(scores, k: 3)
    let x = RandomData.tensor(shape: [4, 5], seed: seed &+ 9, in: -3...3)
    let y = try pruned.forward(x)
    let full = try dense.forward(x)
    for row in 0..<4 {
      for unit in 0..<6 {
        if removed.contains(unit) {
          expectClose(y[row, unit], dense.bias[unit], tolerance: 1e-6, "pruned unit \(unit)")
        } else {
          expectClose(y[row, unit], full[row, unit], tolerance: 1e-5, "kept unit \(unit)")
        }
      }
    }
  }

  @Test("Pruning columns (dimension 1) zeroes an input feature in every row")
  func columns() throws {
    let original = try #require(layer)
    let pruned = try lnStructured(original, amount: .count(1), norm: .l2, dimension: 1)
    expectClose(pruned.weight, try Tensor(rows: [[1, 0], [0.1, 0], [3, 0]]))
    #expect(pruned.bias == original.bias)
  }

  @Test("Masking keeps every parameter; removing the unit drops them and changes the output")
  func maskVersusRemoval() throws {
    // Hidden unit 1 has tiny weights and a positive bias; the next layer reads it with weight 4.
    let first = try Dense(
      weight: Tensor(rows: [[1, 2], [0.1, 0.1], [3, 0]]), bias: Tensor([0, 0.5, 0]))
    let second = try Dense(weight: Tensor(rows: [[1, 4, 1]]), bias: Tensor([0]))
    let masked = try lnStructured(first, amount: .count(1), norm: .l2, dimension: 0)
    let maskedModel = Sequential([.dense(masked), .relu, .dense(second)])
    let original = Sequential([.dense(first), .relu, .dense(second)])
    #expect(Oracle.parameterCount(maskedModel) == Oracle.parameterCount(original))
    let (smaller, smallerNext) = try removeNeurons(from: first, next: second, keeping: [0, 2])
    let removedModel = Sequential([.dense(smaller), .relu, .dense(smallerNext)])
    #expect(Oracle.parameterCount(removedModel) == Oracle.parameterCount(original) - 4)
    let x = try Tensor(rows: [[1, 1]])
    // Masked: relu(0.5) · 4 = 2 still reaches the output; removed: it does not.
    expectClose(try maskedModel.forward(x), try Tensor(rows: [[3 + 2 + 3]]))
    expectClose(try removedModel.forward(x), try Tensor(rows: [[3 + 3]]))
  }
}
