import BlockSparsity
import PruningCore
import PruningTestSupport
import Testing

/// The README's 4×4 weights.
let blockExample: Tensor =
  (try? Tensor(rows: [
    [0.1, 0.2, 0.9, 0.8],
    [0.1, 0.0, 0.7, 1.0],
    [0.5, 0.5, 0.0, 0.1],
    [0.4, 0.6, 0.1, 0.0],
  ])) ?? Tensor([])

let twoByTwo = BlockSize(rows: 2, columns: 2)

@Suite("Block scores (blockScores)")
struct BlockScoresTests {
  @Test("Average pooling of the worked example gives [[0.1, 0.85], [0.5, 0.05]]")
  func averageExample() throws {
    let scores = try blockScores(blockExample, blockSize: twoByTwo, pooling: .average)
    expectClose(scores, try Tensor(rows: [[0.1, 0.85], [0.5, 0.05]]))
  }

  @Test("Max pooling of the worked example gives [[0.2, 1.0], [0.6, 0.1]]")
  func maximumExample() throws {
    let scores = try blockScores(blockExample, blockSize: twoByTwo, pooling: .maximum)
    expectClose(scores, try Tensor(rows: [[0.2, 1.0], [0.6, 0.1]]))
  }

  @Test(
    "Random matrices and block sizes: scores pool |w| over each block",
    arguments: RandomData.seeds)
  func randomScores(seed: UInt64) throws {
    let (_, block, w) = Oracle.blockedMatrix(seed: seed)
    let size = BlockSize(rows: block[0], columns: block[1])
    for (pooling, average) in [(BlockPooling.average, true), (.maximum, false)] {
      let expected = Oracle.blockScores(w, r: block[0], c: block[1], average: average)
      let scores = try blockScores(w, blockSize: size, pooling: pooling)
      expectClose(
        scores,
        try Tensor(
          shape: [expected.count, expected[0].count],
          scalars: expected.flatMap { $0 }.map { Float($0) }),
        "\(pooling)")
    }
  }

  @Test("Bad input: rank, a block that does not divide the shape, a non-finite weight")
  func badInput() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try blockScores(Tensor([1, 2, 3, 4]), blockSize: twoByTwo, pooling: .average)
    }
    #expect(throws: PruningError.invalidBlockSize(block: [3, 2], shape: [4, 4])) {
      try blockScores(blockExample, blockSize: BlockSize(rows: 3, columns: 2), pooling: .average)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .nan)) {
      try blockScores(
        Tensor(rows: [[1, .nan]]), blockSize: BlockSize(rows: 1, columns: 1),
        pooling: .maximum)
    }
    // A block dimension of 0 is rejected even where it would divide an empty dimension.
    #expect(throws: PruningError.invalidBlockSize(block: [0, 2], shape: [0, 4])) {
      try blockScores(
        Tensor(zeros: [0, 4]), blockSize: BlockSize(rows: 0, columns: 2), pooling: .average)
    }
    #expect(throws: PruningError.invalidBlockSize(block: [2, 0], shape: [4, 0])) {
      try blockScores(
        Tensor(zeros: [4, 0]), blockSize: BlockSize(rows: 2, columns: 0), pooling: .average)
    }
  }
}

@Suite("Block masks with TensorFlow's rule (blockMask)")
struct BlockMaskTests {
  @Test("The worked example: 2×2 average at 0.5 keeps the top-right and bottom-left blocks")
  func workedExample() throws {
    let result = try blockMask(blockExample, blockSize: twoByTwo, pooling: .average, sparsity: 0.5)
    expectMask(result, equals: mask("··██/··██/██··/██··"))
  }

  @Test("Max pooling can choose differently from average pooling")
  func maxVersusAverage() throws {
    // Left block: one big weight (mean 0.25, max 1). Right block: uniform 0.5.
    let w = try Tensor(rows: [[1, 0, 0.5, 0.5], [0, 0, 0.5, 0.5]])
    expectMask(
      try blockMask(w, blockSize: twoByTwo, pooling: .average, sparsity: 0.5),
      equals: mask("··██/··██"))
    expectMask(
      try blockMask(w, blockSize: twoByTwo, pooling: .maximum, sparsity: 0.5),
      equals: mask("██··/██··"))
  }

  @Test("Ties at the threshold are all kept: k = 2, but three blocks score 0.5")
  func tiesAreKept() throws {
    let w = try Tensor(rows: [
      [0.5, -0.5, 0.5, 0.5],
      [0.5, 0.5, -0.5, 0.5],
      [0.5, 0.5, 0.25, 0.25],
      [0.5, -0.5, 0.25, -0.25],
    ])
    let result = try blockMask(w, blockSize: twoByTwo, pooling: .average, sparsity: 0.5)
    expectMask(result, equals: mask("████/████/██··/██··"))
  }

  @Test("The keep count rounds half to even: 5 blocks at 0.5 keep 2, 7 blocks keep 4")
  func keepCountRounding() throws {
    let one = BlockSize(rows: 1, columns: 1)
    expectMask(
      try blockMask(
        Tensor(rows: [[0.1, 0.2, 0.3, 0.4, 0.5]]), blockSize: one, pooling: .average,
        sparsity: 0.5),
      equals: mask("···██").isKept)
    expectMask(
      try blockMask(
        Tensor(rows: [[0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]]), blockSize: one, pooling: .maximum,
        sparsity: 0.5),
      equals: mask("████···").isKept)
  }

  @Test("At least one block survives: sparsity 1, and a keep count that rounds to 0")
  func atLeastOneBlock() throws {
    let w = try Tensor(rows: [[0.1, 0.1, 0.9, 0.9, 0.3, 0.3]])
    let pairs = BlockSize(rows: 1, columns: 2)
    expectMask(
      try blockMask(w, blockSize: pairs, pooling: .average, sparsity: 1),
      equals: mask("··██··").isKept)
    expectMask(
      try blockMask(w, blockSize: pairs, pooling: .average, sparsity: 0.9),
      equals: mask("··██··").isKept)
    expectMask(
      try blockMask(w, blockSize: pairs, pooling: .average, sparsity: 0),
      equals: mask("██████").isKept)
  }

  @Test(
    "Random matrices, block sizes and sparsities match the TensorFlow rule",
    arguments: RandomData.seeds)
  func randomMatchesOracle(seed: UInt64) throws {
    let (shape, block, w) = Oracle.blockedMatrix(seed: seed)
    let sparsity = RandomData.fraction(seed: seed)
    let size = BlockSize(rows: block[0], columns: block[1])
    for (pooling, average) in [(BlockPooling.average, true), (.maximum, false)] {
      let result = try blockMask(w, blockSize: size, pooling: pooling, sparsity: sparsity)
      let expected = Oracle.blockMask(
        w, r: block[0], c: block[1], average: average, sparsity: sparsity)
      expectMask(result, equals: try Mask(shape: shape, isKept: expected), "\(pooling)")
    }
  }

  @Test("Empty matrices give an empty mask of their shape")
  func emptyMatrices() throws {
    let result = try blockMask(
      Tensor(zeros: [0, 4]), blockSize: twoByTwo, pooling: .average, sparsity: 0.5)
    #expect(result.shape == [0, 4])
  }

  @Test("Bad input throws in the documented order: rank, block size, sparsity, weights")
  func badInput() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [2, 2, 2])) {
      try blockMask(
        Tensor(zeros: [2, 2, 2]), blockSize: twoByTwo, pooling: .average,
        sparsity: 2)
    }
    #expect(throws: PruningError.invalidBlockSize(block: [2, 3], shape: [4, 4])) {
      try blockMask(
        blockExample, blockSize: BlockSize(rows: 2, columns: 3), pooling: .average,
        sparsity: 2)
    }
    #expect(throws: PruningError.invalidBlockSize(block: [0, 2], shape: [4, 4])) {
      try blockMask(
        blockExample, blockSize: BlockSize(rows: 0, columns: 2), pooling: .average,
        sparsity: 0.5)
    }
    #expect(throws: PruningError.invalidBlockSize(block: [-2, 2], shape: [4, 4])) {
      try blockMask(
        blockExample, blockSize: BlockSize(rows: -2, columns: 2), pooling: .maximum,
        sparsity: 0.5)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try blockMask(
        Tensor(rows: [[.nan, 1]]), blockSize: BlockSize(rows: 1, columns: 1),
        pooling: .average, sparsity: 1.5)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-0.25))) {
      try blockMask(blockExample, blockSize: twoByTwo, pooling: .average, sparsity: -0.25)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0], kind: .negativeInfinity)) {
      try blockMask(
        Tensor(rows: [[1, 1], [-.infinity, 1]]), blockSize: twoByTwo,
        pooling: .average, sparsity: 0.5)
    }
  }
}

@Suite("Expanding a block mask (expandBlockMask)")
struct ExpandBlockMaskTests {
  @Test("Each block flag becomes an R × C tile")
  func workedExample() throws {
    expectMask(
      try expandBlockMask(mask("·█/█·"), blockSize: BlockSize(rows: 1, columns: 2)),
      equals: mask("··██/██··"))
    expectMask(
      try expandBlockMask(
        Mask(shape: [1, 2], isKept: [true, false]), blockSize: BlockSize(rows: 3, columns: 1)),
      equals: mask("█·/█·/█·"))
  }

  @Test("Random block masks: every weight takes its block's flag", arguments: RandomData.seeds)
  func randomExpansion(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let (shape, block) = Oracle.blockedShape(seed: seed)
    let grid = [shape[0] / block[0], shape[1] / block[1]]
    let flags = (0..<grid[0] * grid[1]).map { _ in generator.next() & 1 == 0 }
    let result = try expandBlockMask(
      Mask(shape: grid, isKept: flags), blockSize: BlockSize(rows: block[0], columns: block[1]))
    let expected = (0..<shape[0] * shape[1]).map { flat in
      flags[(flat / shape[1] / block[0]) * grid[1] + flat % shape[1] / block[1]]
    }
    expectMask(result, equals: try Mask(shape: shape, isKept: expected))
  }

  @Test("Bad input: a mask that is not rank 2, a block size that is not positive")
  func badInput() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [2])) {
      try expandBlockMask(Mask([true, false]), blockSize: twoByTwo)
    }
    #expect(throws: PruningError.invalidBlockSize(block: [2, 0], shape: [1, 2])) {
      try expandBlockMask(
        Mask(shape: [1, 2], isKept: [true, false]), blockSize: BlockSize(rows: 2, columns: 0))
    }
    #expect(throws: PruningError.invalidBlockSize(block: [0, 2], shape: [1, 2])) {
      try expandBlockMask(
        Mask(shape: [1, 2], isKept: [true, false]), blockSize: BlockSize(rows: 0, columns: 2))
    }
  }
}
