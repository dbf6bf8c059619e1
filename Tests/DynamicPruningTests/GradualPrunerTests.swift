import DynamicPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("The gradual pruner (GradualPruner)")
struct GradualPrunerTests {
  @Test("The worked example: prune at a gated step, re-zero after an ungated one")
  func workedExample() throws {
    let schedule = try ConstantSparsity(targetSparsity: 0.5, beginStep: 0, frequency: 2)
    var pruner = try GradualPruner(schedule: schedule, shapes: [[1, 4]])
    var weights = [tensor([[0.4, -0.1, 0.3, 0.2]])]
    try expectEqual(pruner.update(&weights, atStep: 0), true, "pruner.update(&weights, atStep: 0)")
    expectClose(weights[0], tensor([[0.4, 0, 0.3, 0]]))
    expectMask(pruner.masks[0], equals: [true, false, true, false])
    weights = [tensor([[0.41, 0.05, 0.29, -0.02]])]  // an optimiser step moved them
    try expectEqual(pruner.update(&weights, atStep: 1), false, "pruner.update(&weights, atStep: 1)")
    expectClose(weights[0], tensor([[0.41, 0, 0.29, 0]]))
  }

  @Test("Masks are re-applied after every step, not only at gated steps")
  func reappliedEveryStep() throws {
    let schedule = try ConstantSparsity(targetSparsity: 0.6, beginStep: 0, frequency: 100)
    let w = RandomData.distinctMagnitudes(shape: [3, 5], seed: 11)
    var pruner = try GradualPruner(schedule: schedule, shapes: [w.shape])
    var weights = [w]
    try pruner.update(&weights, atStep: 0)
    let masks = pruner.masks
    for step in 1..<6 {
      weights = [RandomData.tensor(shape: [3, 5], seed: UInt64(step), in: 0.5...1)]
      let before = weights[0]
      try expectEqual(
        pruner.update(&weights, atStep: step), false, "pruner.update(&weights, atStep: step)")
      expectEqual(pruner.masks, masks, "pruner.masks", "masks change only at gated steps")
      for index in 0..<15 {
        let expected = masks[0].isKept[index] ? before[flat: index] : 0
        #expect(weights[0][flat: index] == expected, "step \(step), index \(index)")
      }
    }
  }

  @Test("A gated step ranks the masked weights: pruned weights the optimiser moved stay pruned")
  func rankMaskedWeights() throws {
    let schedule = try PolynomialDecay(
      initialSparsity: 0.25, finalSparsity: 0.5, beginStep: 0, endStep: 10, frequency: 10)
    var pruner = try GradualPruner(schedule: schedule, shapes: [[8]])
    var weights = [Tensor([0.8, 0.1, 0.7, 0.2, 0.6, 0.5, 0.4, 0.3])]
    try pruner.update(&weights, atStep: 0)  // 25 %: prunes 0.1 and 0.2
    expectMask(pruner.masks[0], equals: mask("█·█·████"))
    // The optimiser pushed the pruned weights far from zero; they must not come back.
    weights = [Tensor([0.8, 9, 0.7, -9, 0.6, 0.5, 0.4, 0.3])]
    try pruner.update(&weights, atStep: 10)  // 50 %: two more, the 0.3 and the 0.4
    expectMask(pruner.masks[0], equals: mask("█·█·██··"))
    expectClose(weights[0], Tensor([0.8, 0, 0.7, 0, 0.6, 0.5, 0, 0]))
  }

  @Test("Nothing is pruned before the begin step; every layer follows the schedule")
  func beforeBeginAndLayers() throws {
    let schedule = try PolynomialDecay(
      initialSparsity: 0.1, finalSparsity: 0.7, beginStep: 5, endStep: 25, frequency: 5)
    let shapes = [[6, 10], [4, 6], [1, 4]]
    var pruner = try GradualPruner(schedule: schedule, shapes: shapes)
    var weights = shapes.enumerated().map { index, shape in
      RandomData.distinctMagnitudes(shape: shape, seed: UInt64(40 + index))
    }
    let original = weights
    try expectEqual(pruner.update(&weights, atStep: 4), false, "pruner.update(&weights, atStep: 4)")
    #expect(weights == original)
    #expect(pruner.masks.allSatisfy { $0.prunedCount == 0 })
    try expectEqual(
      pruner.update(&weights, atStep: 15), true, "pruner.update(&weights, atStep: 15)")
    let s = Oracle.polynomial(step: 15, initial: 0.1, final: 0.7, begin: 5, end: 25)
    for (index, shape) in shapes.enumerated() {
      let n = Tensor.elementCount(of: shape)
      #expect(pruner.masks[index].prunedCount == Oracle.roundHalfEven(Double(n) * s))
      expectMask(pruner.masks[index], equals: Oracle.sparsityMask(original[index], sparsity: s))
    }
  }

  @Test(
    "A simulated run: exact counts at gated steps, zeros after every step, nested masks",
    arguments: RandomData.seeds)
  func simulatedRun(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let begin = generator.nextInt(below: 5)
    let end = begin + 10 + generator.nextInt(below: 30)
    let frequency = 1 + generator.nextInt(below: 6)
    let final = 0.5 + 0.45 * generator.nextUnitDouble()
    let schedule = try PolynomialDecay(
      initialSparsity: 0, finalSparsity: final, beginStep: begin, endStep: end,
      frequency: frequency)
    let shapes = [[5, 7], [3, 5]]
    var pruner = try GradualPruner(schedule: schedule, shapes: shapes)
    var weights = shapes.map { RandomData.tensor(shape: $0, seed: generator.next()) }
    var oracleMasks = try shapes.map { try Mask(shape: $0) }
    var updates = 0
    for step in 0..<(end + 10) {
      // A fake optimiser step: every weight moves, pruned ones too.
      weights = try weights.map { w in
        try Tensor(
          shape: w.shape, scalars: w.scalars.map { $0 + generator.nextFloat(in: -0.3...0.3) })
      }
      let moved = weights
      let gated = try pruner.update(&weights, atStep: step)
      let open = Oracle.gateSteps(begin: begin, end: end, frequency: frequency, upTo: step)
        .contains(step)
      #expect(gated == open, "step \(step)")
      if open {
        updates += 1
        let s = Oracle.polynomial(step: step, initial: 0, final: final, begin: begin, end: end)
        let next = oracleMasks.indices.map { index in
          Oracle.sparsityMask(Oracle.masked(moved[index], oracleMasks[index]), sparsity: s)
        }
        for index in next.indices {
          for flat in 0..<next[index].count where next[index].isKept[flat] {
            #expect(oracleMasks[index].isKept[flat], "a pruned weight came back at step \(step)")
          }
        }
        oracleMasks = next
      }
      for index in weights.indices {
        expectMask(pruner.masks[index], equals: oracleMasks[index], "step \(step)")
        expectClose(weights[index], Oracle.masked(moved[index], oracleMasks[index]), tolerance: 0)
      }
    }
    #expect(
      updates == Oracle.gateSteps(begin: begin, end: end, frequency: frequency, upTo: 1000).count)
  }

  @Test("Mismatched weights are rejected with the exact error, and nothing changes")
  func shapeErrors() throws {
    let schedule = try ConstantSparsity(targetSparsity: 0.5)
    var pruner = try GradualPruner(schedule: schedule, shapes: [[2, 3], [3]])
    var tooFew = [RandomData.tensor(shape: [2, 3], seed: 1)]
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      try pruner.update(&tooFew, atStep: 0)
    }
    var transposed = [
      RandomData.tensor(shape: [3, 2], seed: 1), RandomData.tensor(shape: [3], seed: 2),
    ]
    let before = transposed
    #expect(throws: PruningError.shapeMismatch(expected: [2, 3], actual: [3, 2])) {
      try pruner.update(&transposed, atStep: 0)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2, 3], actual: [3, 2])) {
      try pruner.applyMasks(to: &transposed)
    }
    #expect(transposed == before)
    #expect(pruner.masks.allSatisfy { $0.prunedCount == 0 })
    // With real masks in place, a bad second tensor must not let the first one be changed.
    var good = [RandomData.tensor(shape: [2, 3], seed: 3), RandomData.tensor(shape: [3], seed: 4)]
    try pruner.update(&good, atStep: 0)
    var halfBad = [
      RandomData.tensor(shape: [2, 3], seed: 5), RandomData.tensor(shape: [4], seed: 6),
    ]
    let unchanged = halfBad
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [4])) {
      try pruner.applyMasks(to: &halfBad)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [4])) {
      try pruner.update(&halfBad, atStep: 1)
    }
    #expect(halfBad == unchanged)
  }

  @Test("A NaN weight at a gated step is reported with its position")
  func nonFinite() throws {
    var pruner = try GradualPruner(
      schedule: try ConstantSparsity(targetSparsity: 0.5), shapes: [[2, 2]])
    var weights = [tensor([[1, 2], [.nan, 3]])]
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0], kind: .nan)) {
      try pruner.update(&weights, atStep: 0)
    }
  }

  @Test("applyMasks writes exact zeros, keeps the rest bit for bit, and is idempotent")
  func applyMasks() throws {
    var pruner = try GradualPruner(
      schedule: try ConstantSparsity(targetSparsity: 0.4, frequency: 1), shapes: [[4, 5]])
    var weights = [RandomData.distinctMagnitudes(shape: [4, 5], seed: 3)]
    try pruner.update(&weights, atStep: 0)
    var moved = [RandomData.tensor(shape: [4, 5], seed: 99)]
    let original = moved
    try pruner.applyMasks(to: &moved)
    expectClose(moved[0], Oracle.masked(original[0], pruner.masks[0]), tolerance: 0)
    let once = moved
    try pruner.applyMasks(to: &moved)
    #expect(moved == once)
    #expect(moved[0].scalars.filter { $0 == 0 }.count == 8)
  }

  @Test("On a model, only the weight matrices are pruned; the biases are left alone")
  func model() throws {
    var generator = SplitMix64(seed: 5)
    var model = try MLP(sizes: [6, 4, 3], using: &generator)
    let biases = model.biases
    var pruner = try GradualPruner(
      schedule: try ConstantSparsity(targetSparsity: 0.5), shapes: model.weights.map(\.shape))
    try expectEqual(pruner.update(&model, atStep: 0), true, "pruner.update(&model, atStep: 0)")
    #expect(model.biases == biases)
    #expect(model.weights.map { $0.scalars.filter { $0 == 0 }.count } == [12, 6])
  }
}
