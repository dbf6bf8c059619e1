import PruningCore
import PruningTestSupport
import Testing
import WeightPruning

@Suite("Applying masks and measuring sparsity")
struct MaskApplicationTests {
  @Test("Kept weights stay, pruned weights become zero")
  func workedExample() throws {
    let pruned = try applyMask(mask("·██·"), to: Tensor([0.1, -0.5, 0.3, -0.05]))
    expectClose(pruned, Tensor([0, -0.5, 0.3, 0]), tolerance: 0)
  }

  @Test("A magnitude mask applied to its weights reaches the requested sparsity")
  func achievedSparsity() throws {
    let w = Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2])
    let pruned = try applyMask(try magnitudeMask(w, amount: .fraction(0.5)), to: w)
    expectClose(pruned, Tensor([0, -0.5, 0.3, 0, 0.8, 0]), tolerance: 0)
    expectClose(try sparsity(of: pruned), 0.5)
  }

  @Test("Sparsity counts zeros that were there before pruning")
  func sparsityCountsExistingZeros() throws {
    expectClose(try sparsity(of: Tensor([0, -0.5, 0.3, 0])), 0.5)
    expectClose(try sparsity(of: Tensor([0, 0, 0, 0, 1])), 0.8)
    expectClose(try sparsity(of: Tensor([])), 0)
    expectClose(try sparsity(of: Tensor([-0.0, 2])), 0.5)
  }

  @Test(
    "Random masks: applying is idempotent and sparsity counts every zero",
    arguments: RandomData.seeds)
  func randomIdempotent(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 1...8, seed: seed)
    let w = RandomData.tensor(shape: shape, seed: seed &+ 11)
    let flags = (0..<w.count).map { _ in generator.next() & 3 != 0 }
    let m = try Mask(shape: shape, isKept: flags)
    let once = try applyMask(m, to: w)
    let twice = try applyMask(m, to: once)
    expectClose(twice, once, tolerance: 0)
    expectClose(
      once, try Tensor(shape: shape, scalars: zip(w.scalars, flags).map { $1 ? $0 : 0 }),
      tolerance: 0)
    let zeros = once.scalars.filter { $0 == 0 }.count
    expectClose(try sparsity(of: once), Double(zeros) / Double(w.count))
  }

  @Test("A mask of another shape and a NaN weight are rejected")
  func badInput() {
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [2])) {
      try applyMask(Mask([true, false]), to: Tensor([1, 2, 3]))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [2], kind: .nan)) {
      try sparsity(of: Tensor([1, 0, .nan]))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0], kind: .negativeInfinity)) {
      try applyMask(Mask([true]), to: Tensor([-.infinity]))
    }
  }
}
