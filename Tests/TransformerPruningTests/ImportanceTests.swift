import Foundation
import PruningCore
import PruningTestSupport
import Testing
import TransformerPruning

/// Width 2, one block, one head of dimension 2, MLP width 2: small enough to write by hand.
private let small = TransformerConfiguration(
  vocabularySize: 3, contextLength: 3, width: 2, headCount: 1, headDimension: 2, blockCount: 1,
  mlpWidth: 2)

private let up = LinearLayerID(block: 0, kind: .mlpUp)
private let down = LinearLayerID(block: 0, kind: .mlpDown)

/// Neuron 0's group of `small`, written out.
private let neuronZero = [
  ParameterSlice(.weight(up), axis: 0, index: 0), ParameterSlice(.bias(up), axis: 0, index: 0),
  ParameterSlice(.weight(down), axis: 1, index: 0),
]

/// A model (or gradient) of `small` whose neuron-0 scalars are given: up row, bias, down column.
private func smallModel(up row: [Float], bias: Float, down column: [Float], seed: UInt64) throws
  -> TransformerLanguageModel
{
  var model = try Models.random(small, seed: seed)
  var w = try model.tensor(.weight(up)).scalars
  w[0] = row[0]
  w[1] = row[1]
  try model.replaceTensor(.weight(up), with: Tensor(shape: [2, 2], scalars: w))
  var b = try model.tensor(.bias(up)).scalars
  b[0] = bias
  try model.replaceTensor(.bias(up), with: Tensor(b))
  var d = try model.tensor(.weight(down)).scalars
  d[0] = column[0]
  d[2] = column[1]
  try model.replaceTensor(.weight(down), with: Tensor(shape: [2, 2], scalars: d))
  return model
}

/// Random slices of a model (any tensor, axis and index), repeats allowed.
private func randomSlices(
  _ model: TransformerLanguageModel, count: Int, seed: UInt64
) throws -> [ParameterSlice] {
  var generator = SplitMix64(seed: seed &+ 3)
  let ids = model.parameterTensorIDs
  return try (0..<count).map { _ in
    let id = ids[Int.random(in: 0..<ids.count, using: &generator)]
    let shape = try model.tensor(id).shape
    let axis = Int.random(in: 0..<shape.count, using: &generator)
    return ParameterSlice(id, axis: axis, index: Int.random(in: 0..<shape[axis], using: &generator))
  }
}

/// Every (weight, gradient) scalar pair of the slices, slice by slice, written out by hand.
private func pairs(
  _ slices: [ParameterSlice], _ model: TransformerLanguageModel,
  _ gradients: TransformerLanguageModel
) throws -> [(Double, Double)] {
  var result: [(Double, Double)] = []
  for slice in slices {
    let w = try model.tensor(slice.tensor)
    let g = try gradients.tensor(slice.tensor)
    if w.rank == 1 {
      result.append((Double(w[slice.index]), Double(g[slice.index])))
    } else if slice.axis == 0 {
      for c in 0..<w.shape[1] {
        result.append((Double(w[slice.index, c]), Double(g[slice.index, c])))
      }
    } else {
      for r in 0..<w.shape[0] {
        result.append((Double(w[r, slice.index]), Double(g[r, slice.index])))
      }
    }
  }
  return result
}

@Suite("Group importance: L1/L2 norms and first-order Taylor over a whole group")
struct GroupImportanceTests {
  @Test("The worked example: up row [3, −4], bias 0, down column [0, 12] → L1 19, L2 13")
  func workedExample() throws {
    let model = try smallModel(up: [3, -4], bias: 0, down: [0, 12], seed: 1)
    let l1 = try groupNormImportance(neuronZero, in: model, norm: .l1)
    let l2 = try groupNormImportance(neuronZero, in: model, norm: .l2)
    expectClose(l1, 19, "L1 of neuron 0")
    expectClose(l2, 13, "L2 of neuron 0 (√169 over the whole group)")
  }

  @Test("Norms over random slices match a hand-written sum", arguments: RandomData.seeds)
  func normsMatchOracle(seed: UInt64) throws {
    let model = try Models.random(Models.configuration(seed: seed), seed: seed)
    let slices = try randomSlices(model, count: 1 + Int(seed % 5), seed: seed)
    let values = try pairs(slices, model, model).map(\.0)
    let expectedL1 = values.map { abs($0) }.reduce(0, +)
    let expectedL2 = values.map { $0 * $0 }.reduce(0, +).squareRoot()
    let l1 = try groupNormImportance(slices, in: model, norm: .l1)
    let l2 = try groupNormImportance(slices, in: model, norm: .l2)
    expectClose(l1, expectedL1, tolerance: 1e-9, "L1 of \(slices)")
    expectClose(l2, expectedL2, tolerance: 1e-9, "L2 of \(slices)")
  }

  @Test(
    "The worked example: w = [1, 2, −1, 0.5, 0], g = [0.5, −0.25, 1, 4, 3] → |Σ g·w| = 1, not Σ|g·w| = 4"
  )
  func taylorWorkedExample() throws {
    let model = try smallModel(up: [1, 2], bias: -1, down: [0.5, 0], seed: 1)
    let gradients = try smallModel(up: [0.5, -0.25], bias: 1, down: [4, 3], seed: 2)
    let score = try taylorImportance(neuronZero, in: model, gradients: gradients)
    expectClose(score, 1, "|Σ g·w| over neuron 0's group")
  }

  @Test(
    "Taylor over random slices and gradients matches |Σ g·w| written out",
    arguments: RandomData.seeds)
  func taylorMatchesOracle(seed: UInt64) throws {
    let configuration = Models.configuration(seed: seed)
    let model = try Models.random(configuration, seed: seed)
    let gradients = try Models.random(configuration, seed: seed &+ 1000)
    let slices = try randomSlices(model, count: 1 + Int(seed % 4), seed: seed)
    let expected = abs(try pairs(slices, model, gradients).map { $0 * $1 }.reduce(0, +))
    let score = try taylorImportance(slices, in: model, gradients: gradients)
    expectClose(score, expected, tolerance: 1e-9, "|Σ g·w| of \(slices)")
  }

  @Test("An empty group throws emptyInput")
  func emptyGroup() throws {
    let model = try Models.random(small, seed: 1)
    #expect(throws: PruningError.emptyInput("group")) {
      try groupNormImportance([], in: model, norm: .l2)
    }
    #expect(throws: PruningError.emptyInput("group")) {
      try taylorImportance([], in: model, gradients: model)
    }
  }

  @Test("A slice of another model throws indexOutOfRange")
  func sliceOfAnotherModel() throws {
    let model = try Models.random(small, seed: 1)
    let foreign = [ParameterSlice(.weight(up), axis: 0, index: 2)]
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try groupNormImportance(foreign, in: model, norm: .l1)
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try taylorImportance(foreign, in: model, gradients: model)
    }
    let otherBlock = [
      ParameterSlice(.bias(LinearLayerID(block: 3, kind: .query)), axis: 0, index: 0)
    ]
    #expect(throws: PruningError.indexOutOfRange(index: 3, count: 1)) {
      try groupNormImportance(otherBlock, in: model, norm: .l1)
    }
  }

  @Test("Gradients of another shape throw shapeMismatch; a NaN gradient throws nonFiniteWeight")
  func badGradients() throws {
    let model = try Models.random(small, seed: 1)
    var wider = small
    wider.mlpWidth = 3
    let other = try Models.random(wider, seed: 2)
    #expect(throws: PruningError.shapeMismatch(expected: [2, 2], actual: [3, 2])) {
      try taylorImportance(neuronZero, in: model, gradients: other)
    }
    var gradients = model
    try gradients.replaceTensor(.bias(up), with: Tensor([.nan, 0]))
    #expect(throws: PruningError.nonFiniteWeight(position: [0], kind: .nan)) {
      try taylorImportance(neuronZero, in: model, gradients: gradients)
    }
  }

  @Test("A NaN weight throws nonFiniteWeight from the norm")
  func nanWeight() throws {
    var model = try Models.random(small, seed: 1)
    try model.replaceTensor(.bias(up), with: Tensor([0, .infinity]))
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .positiveInfinity)) {
      try groupNormImportance(neuronZero, in: model, norm: .l1)
    }
  }
}

@Suite("Activation importance and block influence on calibration text")
struct ActivationImportanceTests {
  @Test(
    "Heads, neurons and channels score the reference's mean activation magnitudes",
    arguments: RandomData.seeds.prefix(4))
  func matchesReference(seed: UInt64) throws {
    let model = try Models.random(Models.configuration(seed: seed), seed: seed)
    let calibration = Models.sequences(model, count: 3, seed: seed)
    let passes = calibration.map { TransformerReference(model).run($0) }
    let tokens = Double(calibration.map(\.count).reduce(0, +))
    for b in model.blocks.indices {
      let hd = model.blocks[b].headDimension
      for h in 0..<model.blocks[b].headCount {
        var sum = 0.0
        for pass in passes {
          for z in pass.attended[b] {
            sum += (h * hd..<(h + 1) * hd).map { z[$0] * z[$0] }.reduce(0, +).squareRoot()
          }
        }
        let score = try activationImportance(
          of: .head(block: b, index: h), in: model, calibration: calibration)
        expectClose(score, sum / tokens, tolerance: 1e-4, "head \(h) of block \(b)")
      }
      for i in 0..<model.blocks[b].mlpWidth {
        let sum = passes.flatMap { $0.activated[b] }.map { abs($0[i]) }.reduce(0, +)
        let score = try activationImportance(
          of: .neuron(block: b, index: i), in: model, calibration: calibration)
        expectClose(score, sum / tokens, tolerance: 1e-4, "neuron \(i) of block \(b)")
      }
    }
    for c in 0..<model.width {
      var sum = 0.0
      for pass in passes {
        for b in model.blocks.indices {
          sum += pass.attentionNormed[b].map { abs($0[c]) }.reduce(0, +)
          sum += pass.mlpNormed[b].map { abs($0[c]) }.reduce(0, +)
        }
      }
      let score = try activationImportance(
        of: .residualChannel(c), in: model, calibration: calibration)
      expectClose(
        score, sum / (tokens * 2 * Double(model.blocks.count)), tolerance: 1e-4, "channel \(c)")
    }
  }

  @Test(
    "Block influence is 1 − the mean cosine between the block's input and output",
    arguments: RandomData.seeds.prefix(4))
  func blockInfluenceMatchesReference(seed: UInt64) throws {
    let model = try Models.random(Models.configuration(seed: seed), seed: seed)
    let calibration = Models.sequences(model, count: 3, seed: seed)
    for b in model.blocks.indices {
      var total = 0.0
      var count = 0.0
      for sequence in calibration {
        let streams = TransformerReference(model).run(sequence).streams
        for (x, y) in zip(streams[b], streams[b + 1]) {
          let dot = zip(x, y).map { $0 * $1 }.reduce(0, +)
          let nx = x.map { $0 * $0 }.reduce(0, +).squareRoot()
          let ny = y.map { $0 * $0 }.reduce(0, +).squareRoot()
          total += dot / (nx * ny)
          count += 1
        }
      }
      let influence = try blockInfluence(of: b, in: model, calibration: calibration)
      expectClose(influence, 1 - total / count, tolerance: 1e-4, "block \(b)")
    }
  }

  @Test("A block that adds nothing has influence 0")
  func identityBlock() throws {
    var model = try Models.random(Models.tiny, seed: 4)
    for kind in [LinearKind.output, .mlpDown] {
      let id = LinearLayerID(block: 1, kind: kind)
      try model.replaceTensor(.weight(id), with: Tensor(zeros: try model.tensor(.weight(id)).shape))
      try model.replaceTensor(.bias(id), with: Tensor(zeros: [4]))
    }
    let calibration = Models.sequences(model, count: 2, seed: 4)
    let influence = try blockInfluence(of: 1, in: model, calibration: calibration)
    expectClose(influence, 0, tolerance: 1e-6, "block 1 writes zeros")
    let other = try blockInfluence(of: 0, in: model, calibration: calibration)
    #expect(other > 1e-3, "block 0 changes the stream: influence \(other)")
  }

  @Test("Bad input throws the exact error")
  func badInput() throws {
    let model = try Models.random(Models.tiny, seed: 1)
    let calibration = [[0, 1, 2]]
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try blockInfluence(of: 2, in: model, calibration: calibration)
    }
    #expect(throws: PruningError.emptyInput("sequences")) {
      try blockInfluence(of: 0, in: model, calibration: [])
    }
    #expect(throws: PruningError.tokenOutOfRange(token: 9, vocabularySize: 5)) {
      try blockInfluence(of: 0, in: model, calibration: [[0, 9]])
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try activationImportance(of: .head(block: 0, index: 2), in: model, calibration: calibration)
    }
    #expect(throws: PruningError.indexOutOfRange(index: 4, count: 4)) {
      try activationImportance(of: .residualChannel(4), in: model, calibration: calibration)
    }
    var shallow = Models.tiny
    shallow.blockCount = 0
    let noBlocks = try Models.random(shallow, seed: 1)
    #expect(throws: PruningError.emptyInput("blocks")) {
      try activationImportance(of: .residualChannel(0), in: noBlocks, calibration: calibration)
    }
    #expect(throws: PruningError.sequenceTooLong(length: 6, contextLength: 5)) {
      try activationImportance(
        of: .neuron(block: 0, index: 0), in: model, calibration: [[0, 1, 2, 3, 4, 0]])
    }
  }
}
