import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("Model size in bytes (storageBytes, modelSize, smallestFormat)")
struct ModelSizeTests {
  @Test("The worked example: a [4, 8] weight with 8 non-zeros")
  func workedExample() throws {
    try expectEqual(
      storageBytes(shape: [4, 8], nonZeroCount: 8, format: .dense), 128,
      "storageBytes(shape: [4, 8], nonZeroCount: 8, format: .dense)")
    try expectEqual(
      storageBytes(shape: [4, 8], nonZeroCount: 8, format: .csr), 84,
      "storageBytes(shape: [4, 8], nonZeroCount: 8, format: .csr)")
    try expectEqual(
      storageBytes(shape: [4, 8], nonZeroCount: 8, format: .bitmask), 36,
      "storageBytes(shape: [4, 8], nonZeroCount: 8, format: .bitmask)")
  }

  @Test("scipy's CSR break-even for 1000 × 1000 float32/int32: 499,499 non-zeros and not 499,500")
  func csrBreakEven() throws {
    let shape = [1000, 1000]
    try expectEqual(
      storageBytes(shape: shape, nonZeroCount: 499_499, format: .csr), 3_999_996,
      "storageBytes(shape: shape, nonZeroCount: 499_499, format: .csr)")
    try expectEqual(
      storageBytes(shape: shape, nonZeroCount: 499_500, format: .csr), 4_000_004,
      "storageBytes(shape: shape, nonZeroCount: 499_500, format: .csr)")
    try expectEqual(
      storageBytes(shape: shape, nonZeroCount: 499_500, format: .dense), 4_000_000,
      "storageBytes(shape: shape, nonZeroCount: 499_500, format: .dense)")
  }

  @Test("CSR rows: a bias is one row; a conv weight is [out, in · kh · kw]; bits round up")
  func rowsAndBits() throws {
    try expectEqual(
      storageBytes(shape: [5], nonZeroCount: 2, format: .csr), 16 + 8,
      "storageBytes(shape: [5], nonZeroCount: 2, format: .csr)")
    try expectEqual(
      storageBytes(shape: [], nonZeroCount: 1, format: .csr), 8 + 8,
      "storageBytes(shape: [], nonZeroCount: 1, format: .csr)")
    try expectEqual(
      storageBytes(shape: [2, 3, 3, 3], nonZeroCount: 5, format: .csr), 40 + 12,
      "storageBytes(shape: [2, 3, 3, 3], nonZeroCount: 5, format: .csr)")
    try expectEqual(
      storageBytes(shape: [0, 7], nonZeroCount: 0, format: .csr), 4,
      "storageBytes(shape: [0, 7], nonZeroCount: 0, format: .csr)")
    try expectEqual(
      storageBytes(shape: [9], nonZeroCount: 0, format: .bitmask), 2,
      "storageBytes(shape: [9], nonZeroCount: 0, format: .bitmask)")
    try expectEqual(
      storageBytes(shape: [2, 3, 3, 3], nonZeroCount: 5, format: .bitmask), 7 + 20,
      "storageBytes(shape: [2, 3, 3, 3], nonZeroCount: 5, format: .bitmask)")
  }

  @Test("A tensor's bytes count its non-zeros; -0.0 is zero")
  func tensorBytes() throws {
    let tensor = Tensor([0, 2, 0, -0.0, 3, 0, 0, 4])
    try expectEqual(
      storageBytes(of: tensor, format: .dense), 32, "storageBytes(of: tensor, format: .dense)")
    try expectEqual(
      storageBytes(of: tensor, format: .csr), 32, "storageBytes(of: tensor, format: .csr)")
    try expectEqual(
      storageBytes(of: tensor, format: .bitmask), 13,
      "storageBytes(of: tensor, format: .bitmask)")
  }

  @Test("Random shapes and counts follow the three formulas", arguments: RandomData.seeds)
  func randomFormulas(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    for rank in 0...4 {
      let shape = (0..<rank).map { _ in generator.nextInt(below: 7) }
      let n = shape.reduce(1, *)
      let nonZeros = generator.nextInt(below: n + 1)
      let expected = Oracle.bytes(shape: shape, nonZeros: nonZeros)
      try expectEqual(
        storageBytes(shape: shape, nonZeroCount: nonZeros, format: .dense), expected.dense,
        "storageBytes(shape: \(shape), nonZeroCount: \(nonZeros), format: .dense)")
      try expectEqual(
        storageBytes(shape: shape, nonZeroCount: nonZeros, format: .csr), expected.csr,
        "storageBytes(shape: \(shape), nonZeroCount: \(nonZeros), format: .csr)")
      try expectEqual(
        storageBytes(shape: shape, nonZeroCount: nonZeros, format: .bitmask), expected.bitmask,
        "storageBytes(shape: \(shape), nonZeroCount: \(nonZeros), format: .bitmask)")
    }
    let tensor = RandomData.tensor(shape: RandomData.shape(rank: 2, seed: seed), seed: seed)
      .map { abs($0) < 0.6 ? 0 : $0 }
    let expected = Oracle.bytes(shape: tensor.shape, nonZeros: Oracle.nonZeros(tensor))
    try expectEqual(
      storageBytes(of: tensor, format: .csr), expected.csr,
      "storageBytes(of: tensor, format: .csr)")
    try expectEqual(
      storageBytes(of: tensor, format: .bitmask), expected.bitmask,
      "storageBytes(of: tensor, format: .bitmask)")
  }

  @Test("A model's size sums every parameter tensor: the README's dense layer")
  func modelExample() throws {
    let model = Sequential([.dense(try Fixtures.exampleDense()), .relu])
    try expectEqual(
      modelSize(of: model, format: .dense), 32, "modelSize(of: model, format: .dense)")
    try expectEqual(modelSize(of: model, format: .csr), 52, "modelSize(of: model, format: .csr)")
    try expectEqual(
      modelSize(of: model, format: .bitmask), 18, "modelSize(of: model, format: .bitmask)")
  }

  @Test(
    "Random models: dense size is 4 bytes per parameter, and masking does not change it",
    arguments: RandomData.seeds)
  func randomModels(seed: UInt64) throws {
    let (model, _) = try Fixtures.randomModel(seed: seed)
    let (total, _) = Oracle.parameters(of: model)
    try expectEqual(
      modelSize(of: model, format: .dense), 4 * total, "modelSize(of: model, format: .dense)")
    var csr = 0
    var bitmask = 0
    for tensor in model.layers.flatMap(\.parameters) {
      let bytes = Oracle.bytes(shape: tensor.shape, nonZeros: Oracle.nonZeros(tensor))
      csr += bytes.csr
      bitmask += bytes.bitmask
    }
    try expectEqual(modelSize(of: model, format: .csr), csr, "modelSize(of: model, format: .csr)")
    try expectEqual(
      modelSize(of: model, format: .bitmask), bitmask, "modelSize(of: model, format: .bitmask)")
    let masked = try Fixtures.masked(model) { $0 % 3 != 0 }
    try expectEqual(
      modelSize(of: masked, format: .dense), 4 * total, "modelSize(of: masked, format: .dense)")
  }

  struct FormatCase: Sendable, CustomTestStringConvertible {
    let shape: [Int]
    let sparsity: Double
    let expected: StorageFormat
    var testDescription: String { "\(shape) at \(sparsity) → \(expected)" }
  }

  @Test(
    "The smallest format of a 1000 × 1000 matrix at several sparsities",
    arguments: [
      FormatCase(shape: [1000, 1000], sparsity: 0, expected: .dense),
      FormatCase(shape: [1000, 1000], sparsity: 0.02, expected: .dense),
      FormatCase(shape: [1000, 1000], sparsity: 0.05, expected: .bitmask),
      FormatCase(shape: [1000, 1000], sparsity: 0.5, expected: .bitmask),
      FormatCase(shape: [1000, 1000], sparsity: 0.9, expected: .bitmask),
      FormatCase(shape: [1000, 1000], sparsity: 0.99, expected: .csr),
      FormatCase(shape: [1000, 1000], sparsity: 1, expected: .csr),
    ])
  func smallest(_ example: FormatCase) throws {
    try expectEqual(
      smallestFormat(shape: example.shape, sparsity: example.sparsity), example.expected,
      "smallestFormat(shape: example.shape, sparsity: example.sparsity)")
  }

  @Test(
    "Zero counts round to nearest, halves to even: 0.5 zeros is 0, 2.5 is 2, 2.7 is 3",
    arguments: [
      FormatCase(shape: [8], sparsity: 0.0625, expected: .dense),
      FormatCase(shape: [8], sparsity: 0.1, expected: .bitmask),
      FormatCase(shape: [8, 10], sparsity: 0.03125, expected: .dense),
      FormatCase(shape: [8, 10], sparsity: 0.03375, expected: .bitmask),
      FormatCase(shape: [8, 10], sparsity: 0.0375, expected: .bitmask),
    ])
  func halfToEven(_ example: FormatCase) throws {
    try expectEqual(
      smallestFormat(shape: example.shape, sparsity: example.sparsity), example.expected,
      "smallestFormat(shape: example.shape, sparsity: example.sparsity)")
  }

  @Test("Equal sizes go to the earlier format: dense, then CSR, then bitmask")
  func ties() throws {
    // 31,250 zeros of 10⁶: bitmask 125,000 + 4 · 968,750 = 4,000,000 = dense.
    try expectEqual(
      smallestFormat(shape: [1000, 1000], sparsity: 0.03125), .dense,
      "smallestFormat(shape: [1000, 1000], sparsity: 0.03125)")
    try expectEqual(
      smallestFormat(shape: [1000, 1000], sparsity: 0.032), .bitmask,
      "smallestFormat(shape: [1000, 1000], sparsity: 0.032)")
    // 2 non-zeros of [1, 128]: CSR 16 + 8 = 24, bitmask 16 + 8 = 24.
    try expectEqual(
      smallestFormat(shape: [1, 128], sparsity: 126.0 / 128), .csr,
      "smallestFormat(shape: [1, 128], sparsity: 126.0 / 128)")
    try expectEqual(
      smallestFormat(shape: [0, 5], sparsity: 0.5), .dense,
      "smallestFormat(shape: [0, 5], sparsity: 0.5)")
  }

  @Test(
    "Random shapes and sparsities: the format with the fewest bytes", arguments: RandomData.seeds)
  func randomSmallest(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<20 {
      let shape = [1 + generator.nextInt(below: 40), 1 + generator.nextInt(below: 40)]
      let n = shape[0] * shape[1]
      let zeros = generator.nextInt(below: n + 1)
      let sparsity = Double(zeros) / Double(n)
      let bytes = Oracle.bytes(shape: shape, nonZeros: n - zeros)
      let ranked: [(StorageFormat, Int)] = [
        (.dense, bytes.dense), (.csr, bytes.csr), (.bitmask, bytes.bitmask),
      ]
      let expected = ranked.min { $0.1 < $1.1 }?.0
      try expectEqual(
        smallestFormat(shape: shape, sparsity: sparsity), expected,
        "smallestFormat(shape: shape, sparsity: sparsity)", "\(shape), \(zeros) zeros")
    }
  }

  @Test("Bad shapes, counts and sparsities throw the exact error")
  func errors() throws {
    #expect(throws: PruningError.invalidShape(shape: [2, -3], scalarCount: 0)) {
      try storageBytes(shape: [2, -3], nonZeroCount: 0, format: .csr)
    }
    #expect(throws: PruningError.nonZeroCountOutOfRange(nonZeros: 7, elements: 6)) {
      try storageBytes(shape: [2, 3], nonZeroCount: 7, format: .dense)
    }
    #expect(throws: PruningError.nonZeroCountOutOfRange(nonZeros: -1, elements: 6)) {
      try storageBytes(shape: [2, 3], nonZeroCount: -1, format: .bitmask)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try smallestFormat(shape: [4, 4], sparsity: 1.5)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-0.1))) {
      try smallestFormat(shape: [4, 4], sparsity: -0.1)
    }
    #expect(throws: PruningError.invalidShape(shape: [-4], scalarCount: 0)) {
      try smallestFormat(shape: [-4], sparsity: 0.5)
    }
    let error = #expect(throws: PruningError.self) {
      try smallestFormat(shape: [4], sparsity: .nan)
    }
    guard case .invalidAmount(.fraction(let value)) = error, value.isNaN else {
      Issue.record("expected .invalidAmount(.fraction(nan)), got \(String(describing: error))")
      return
    }
  }
}
