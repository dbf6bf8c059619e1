import OneShotPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Sequential pruning of a model (pruneLayer, pruneSequentially)")
struct SequentialPruningTests {
  static let vocabulary = 8

  static func model(seed: UInt64) -> TinyModel {
    TinyModel(vocabulary: vocabulary, hidden: [8, 16, 8], seed: seed)
  }

  static func calibration(seed: UInt64) -> [[Int]] {
    TinyModel.sequences(count: 6, length: 10, vocabulary: vocabulary, seed: seed &+ 1000)
  }

  /// The weights of a layer with the kept flags applied.
  static func masked(_ w: Tensor, _ keep: [Bool]) throws -> Tensor {
    try Tensor(shape: w.shape, scalars: w.scalars.indices.map { keep[$0] ? w.scalars[$0] : 0 })
  }

  @Test(
    "pruneLayer dispatches: magnitude per row, Wanda on ‖X‖, SparseGPT on 2XXᵀ (block 128, λ 1 %)")
  func pruneLayerDispatches() throws {
    let w = RandomData.tensor(shape: [4, 8], seed: 12)
    let x = RandomData.tensor(shape: [8, 20], seed: 13, in: -3...3)
    let magnitude = try pruneLayer(w, inputs: x, method: .magnitude, pattern: .unstructured(0.5))
    let magnitudeKeep = Oracle.rowKeep(ReferenceAlgebra.rows(w.map { abs($0) }), fraction: 0.5)
    expectMask(magnitude.mask, equals: try Mask(shape: w.shape, isKept: magnitudeKeep))
    expectClose(magnitude.weights, try Self.masked(w, magnitudeKeep), tolerance: 0)
    let wanda = try pruneLayer(w, inputs: x, method: .wanda, pattern: .nm(n: 2, m: 4))
    let wandaKeep = Oracle.wandaKeep(w, inputs: x, nm: (2, 4))
    expectMask(wanda.mask, equals: try Mask(shape: w.shape, isKept: wandaKeep))
    expectClose(wanda.weights, try Self.masked(w, wandaKeep), tolerance: 0)
    let gpt = try pruneLayer(w, inputs: x, method: .sparseGPT, pattern: .unstructured(0.5))
    let expected = ReferenceSparseGPT.prune(w, hessian: Oracle.hessian(x), fraction: 0.5)
    expectMask(gpt.mask, equals: try Mask(shape: w.shape, isKept: expected.keep))
    expectClose(
      gpt.weights, try Tensor(shape: w.shape, scalars: expected.weights.map { Float($0) }),
      tolerance: 1e-3)
  }

  @Test(
    "Each layer is calibrated on the model with the layers below it already pruned",
    arguments: [(OneShotMethod.wanda, UInt64(1)), (.wanda, 2), (.sparseGPT, 3), (.sparseGPT, 4)])
  func sequentialMatchesReference(method: OneShotMethod, seed: UInt64) throws {
    let model = Self.model(seed: seed)
    let calibration = Self.calibration(seed: seed)
    let result = try pruneSequentially(
      model, method: method, pattern: .unstructured(0.5), calibration: calibration)
    var expected = model
    var denseCalibrated = model
    for layer in model.prunableLayers {
      let w = model.weights[layer]
      // The reference reads the inputs itself, from its own partly pruned copy.
      let x = try expected.layerInputs(of: layer, sequences: calibration)
      let dense = try model.layerInputs(of: layer, sequences: calibration)
      let (pruned, fromDense) = try Self.oraclePrune(w, x, dense, method)
      let error = Oracle.reconstruction(w, pruned, inputs: x)
      expectClose(
        result.reconstructionErrors[layer], error, tolerance: 1e-3,
        "\(method.name), layer \(layer)'s ‖WX − ŴX‖²")
      expectClose(
        result.model.weights[layer], pruned, tolerance: 1e-3, "\(method.name), layer \(layer)")
      expected.weights[layer] = pruned
      denseCalibrated.weights[layer] = fromDense
    }
    #expect(result.reconstructionErrors.count == model.prunableLayers.count)
    let differs = zip(result.model.weights, denseCalibrated.weights).contains { pair in
      zip(pair.0.scalars, pair.1.scalars).contains { abs($0 - $1) > 1e-3 }
    }
    #expect(differs, "calibrating on the dense model should give other weights")
  }

  /// The reference's pruning of one layer on the sequential inputs and on the dense inputs.
  static func oraclePrune(_ w: Tensor, _ x: Tensor, _ dense: Tensor, _ method: OneShotMethod)
    throws -> (Tensor, Tensor)
  {
    switch method {
    case .sparseGPT:
      let a = ReferenceSparseGPT.prune(w, hessian: Oracle.hessian(x), fraction: 0.5)
      let b = ReferenceSparseGPT.prune(w, hessian: Oracle.hessian(dense), fraction: 0.5)
      return (
        try Tensor(shape: w.shape, scalars: a.weights.map { Float($0) }),
        try Tensor(shape: w.shape, scalars: b.weights.map { Float($0) })
      )
    default:
      return (
        try masked(w, Oracle.wandaKeep(w, inputs: x, fraction: 0.5)),
        try masked(w, Oracle.wandaKeep(w, inputs: dense, fraction: 0.5))
      )
    }
  }

  @Test(
    "Magnitude needs no calibration: every layer is per-row magnitude of its dense weight; 2:4 holds"
  )
  func magnitudeAndNM() throws {
    let model = Self.model(seed: 9)
    let result = try pruneSequentially(
      model, method: .magnitude, pattern: .nm(n: 2, m: 4), calibration: Self.calibration(seed: 9))
    for layer in model.prunableLayers {
      let w = model.weights[layer]
      let keep = Oracle.nmKeep(ReferenceAlgebra.rows(w.map { abs($0) }), n: 2, m: 4)
      expectClose(result.model.weights[layer], try Self.masked(w, keep), tolerance: 0)
      #expect(result.reconstructionErrors[layer] > 0)
    }
    #expect(model.weights[0].scalars.allSatisfy { $0 != 0 }, "the input model must not change")
  }

  @Test("Pruning raises the tiny model's perplexity, and sparsity 0 leaves it unchanged")
  func perplexityMoves() throws {
    let model = Self.model(seed: 21)
    let calibration = Self.calibration(seed: 21)
    let text = TinyModel.sequences(count: 5, length: 12, vocabulary: Self.vocabulary, seed: 99)
    let dense = try perplexity(of: model, sequences: text)
    let untouched = try pruneSequentially(
      model, method: .sparseGPT, pattern: .unstructured(0), calibration: calibration)
    expectClose(try perplexity(of: untouched.model, sequences: text), dense, tolerance: 1e-6)
    #expect(untouched.reconstructionErrors.allSatisfy { $0 == 0 })
    let emptied = try pruneSequentially(
      model, method: .wanda, pattern: .unstructured(1), calibration: calibration)
    expectClose(
      try perplexity(of: emptied.model, sequences: text), Double(Self.vocabulary),
      tolerance: 1e-6, "an all-zero head predicts uniformly")
  }

  @Test("A tiny seeded transformer: Wanda 2:4, layer by layer on the already pruned model")
  func tinyTransformer() throws {
    var generator = SplitMix64(seed: 2026)
    let configuration = TransformerConfiguration(
      vocabularySize: 10, contextLength: 8, width: 8, headCount: 2, headDimension: 4,
      blockCount: 2, mlpWidth: 16)
    let model = try TransformerLanguageModel(configuration: configuration, using: &generator)
    let calibration = TinyModel.sequences(count: 4, length: 8, vocabulary: 10, seed: 7)
    let result = try pruneSequentially(
      model, method: .wanda, pattern: .nm(n: 2, m: 4), calibration: calibration)
    var expected = model
    for (index, layer) in model.prunableLayers.enumerated() {
      let w = try model.weight(of: layer)
      let x = try expected.layerInputs(of: layer, sequences: calibration)
      let pruned = try Self.masked(w, Oracle.wandaKeep(w, inputs: x, nm: (2, 4)))
      expectClose(try result.model.weight(of: layer), pruned, tolerance: 0, "\(layer)")
      expectClose(
        result.reconstructionErrors[index], Oracle.reconstruction(w, pruned, inputs: x),
        tolerance: 1e-6, "\(layer)'s ‖WX − ŴX‖²")
      try expected.setWeight(pruned, of: layer)
    }
  }

  @Test("Bad input: no calibration, and inputs that do not fit the layer")
  func badInput() throws {
    #expect(throws: PruningError.emptyInput("calibration sequences")) {
      try pruneSequentially(
        Self.model(seed: 1), method: .wanda, pattern: .unstructured(0.5), calibration: [])
    }
    let w = RandomData.tensor(shape: [4, 8], seed: 1)
    #expect(throws: PruningError.shapeMismatch(expected: [8, 5], actual: [6, 5])) {
      try pruneLayer(
        w, inputs: RandomData.tensor(shape: [6, 5], seed: 2), method: .wanda,
        pattern: .unstructured(0.5))
    }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [8])) {
      try pruneLayer(
        w, inputs: Tensor([1, 2, 3, 4, 5, 6, 7, 8]), method: .magnitude,
        pattern: .unstructured(0.5))
    }
  }
}
