import PruningCore

/// The experiment: prune the digits network at initialisation, train it with the mask fixed,
/// and compare the methods with their shuffled and random controls.
///
/// This file is finished in both copies: it only wires your functions together. For each seed
/// it initialises a fresh `64 → 128 → 10` ``MLP`` (``DigitsBaseline/sizes``), draws one SNIP
/// batch of ``snipBatchSize`` training examples, builds every method's masks at each sparsity
/// in ``sparsities``, and trains each masked copy of the *same* initial network with the
/// *same* data order (``configuration``, shuffle seed = the seed) using ``trainMasked(_:masks:on:configuration:)``.
/// `swift run -c release capstone at-init` prints the table.
public enum AtInitExperiment {
  /// The sparsities compared.
  public static let sparsities = [0.9, 0.98]

  /// The seeds: each gives a new initialisation, SNIP batch, data order and random draws.
  public static let seeds: [UInt64] = [1, 2, 3, 4, 5]

  /// The training examples in SNIP's one batch.
  public static let snipBatchSize = 100

  /// SynFlow's pruning rounds.
  public static let synflowRounds = 100

  /// The training run of every network: the dense baseline's recipe (30 epochs of batches of
  /// 32, SGD 0.1 with momentum 0.9); the shuffle seed is replaced by the experiment's seed.
  public static let configuration = DigitsBaseline.configuration

  /// A way to choose the masks.
  public enum Method: String, CaseIterable, Sendable {
    /// No pruning: every mask keeps everything.
    case dense = "dense"
    /// ``snipMasks(_:batch:sparsity:)``.
    case snip = "SNIP"
    /// SNIP's masks, shuffled within each layer (``shuffledWithinLayers(_:using:)``).
    case snipShuffled = "SNIP, shuffled"
    /// Random masks with SNIP's per-layer sparsities (``randomMasks(shapes:sparsities:using:)``).
    case snipRatios = "random, SNIP's layer ratios"
    /// ``synflowMasks(_:sparsity:rounds:)`` with ``synflowRounds`` rounds.
    case synflow = "SynFlow"
    /// SynFlow's masks, shuffled within each layer.
    case synflowShuffled = "SynFlow, shuffled"
    /// Random masks with SynFlow's per-layer sparsities.
    case synflowRatios = "random, SynFlow's layer ratios"
    /// ``magnitudeMasks(_:sparsity:)``: the largest initial `|w|`, globally.
    case magnitude = "magnitude at init"
    /// Random masks with the same sparsity in every layer.
    case uniformRandom = "random, same ratio per layer"
  }

  /// One trained network of the experiment.
  public struct Run: Hashable, Sendable {
    /// How its masks were chosen.
    public var method: Method

    /// The target sparsity over all weights (0 for the dense network).
    public var sparsity: Double

    /// The seed of its initialisation, SNIP batch, data order and random draws.
    public var seed: UInt64

    /// The sparsity of each layer's mask.
    public var layerSparsities: [Double]

    /// Whether the masks leave no path from input to output (``isCollapsed(_:)``).
    public var collapsed: Bool

    /// The hidden units on some path of kept weights from an input to an output
    /// (``hiddenUnitsOnPaths(_:)``).
    public var hiddenUnitsOnPaths: Int

    /// The test accuracy after training.
    public var accuracy: Double

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - sparsity: The target sparsity.
    ///   - seed: The seed.
    ///   - layerSparsities: Each layer's sparsity.
    ///   - collapsed: Whether the masks disconnect the network.
    ///   - hiddenUnitsOnPaths: The hidden units on an input-to-output path.
    ///   - accuracy: The test accuracy.
    public init(
      method: Method, sparsity: Double, seed: UInt64, layerSparsities: [Double], collapsed: Bool,
      hiddenUnitsOnPaths: Int, accuracy: Double
    ) {
      self.method = method
      self.sparsity = sparsity
      self.seed = seed
      self.layerSparsities = layerSparsities
      self.collapsed = collapsed
      self.hiddenUnitsOnPaths = hiddenUnitsOnPaths
      self.accuracy = accuracy
    }
  }

  /// The masks one method chooses for one network.
  ///
  /// - Parameters:
  ///   - method: The method.
  ///   - sparsity: The fraction of all weights to prune (ignored for ``Method/dense``).
  ///   - model: The network at initialisation.
  ///   - batch: SNIP's batch.
  ///   - seed: The seed of the shuffles and random draws.
  /// - Returns: One mask per layer.
  /// - Throws: Whatever the method's functions throw.
  public static func masks(
    _ method: Method, sparsity: Double, model: MLP, batch: LabeledExamples, seed: UInt64
  ) throws(PruningError) -> [Mask] {
    var generator = SplitMix64(seed: seed &* 7919 &+ 17)
    let shapes = model.weights.map(\.shape)
    switch method {
    case .dense:
      return try randomMasks(
        shapes: shapes, sparsities: shapes.map { _ in 0 }, using: &generator)
    case .snip:
      return try snipMasks(model, batch: batch, sparsity: sparsity)
    case .snipShuffled:
      return try shuffledWithinLayers(
        snipMasks(model, batch: batch, sparsity: sparsity), using: &generator)
    case .snipRatios:
      let ratios = try layerSparsities(snipMasks(model, batch: batch, sparsity: sparsity))
      return try randomMasks(shapes: shapes, sparsities: ratios, using: &generator)
    case .synflow:
      return try synflowMasks(model, sparsity: sparsity, rounds: synflowRounds)
    case .synflowShuffled:
      return try shuffledWithinLayers(
        synflowMasks(model, sparsity: sparsity, rounds: synflowRounds), using: &generator)
    case .synflowRatios:
      let ratios = try layerSparsities(
        synflowMasks(model, sparsity: sparsity, rounds: synflowRounds))
      return try randomMasks(shapes: shapes, sparsities: ratios, using: &generator)
    case .magnitude:
      return try magnitudeMasks(model, sparsity: sparsity)
    case .uniformRandom:
      return try randomMasks(
        shapes: shapes, sparsities: shapes.map { _ in sparsity }, using: &generator)
    }
  }

  /// The hidden units that lie on a path of kept weights from some input to some output.
  ///
  /// A hidden unit off every such path (no kept input, no kept output, or cut off further along)
  /// trains nothing useful: its kept weights are wasted. Masks are `[out, in]`, input side first.
  ///
  /// - Parameter masks: One mask per layer, chaining as an MLP's layers.
  /// - Returns: The number of hidden units (all hidden layers together) on such a path.
  public static func hiddenUnitsOnPaths(_ masks: [Mask]) -> Int {
    guard let first = masks.first, first.rank == 2, masks.allSatisfy({ $0.rank == 2 }) else {
      return 0
    }
    // Reached from the inputs, forwards; reaching an output, backwards.
    var forward = [[Bool](repeating: true, count: first.shape[1])]
    for mask in masks {
      let (outputs, inputs) = (mask.shape[0], mask.shape[1])
      let reached = forward[forward.count - 1]
      forward.append(
        (0..<outputs).map { row in
          (0..<inputs).contains { reached[$0] && mask.isKept[row * inputs + $0] }
        })
    }
    var backward = [[Bool]](repeating: [], count: masks.count + 1)
    backward[masks.count] = [Bool](repeating: true, count: masks[masks.count - 1].shape[0])
    for (index, mask) in masks.enumerated().reversed() {
      let (outputs, inputs) = (mask.shape[0], mask.shape[1])
      backward[index] = (0..<inputs).map { column in
        (0..<outputs).contains { backward[index + 1][$0] && mask.isKept[$0 * inputs + column] }
      }
    }
    var count = 0
    for layer in 1..<masks.count {
      for unit in forward[layer].indices where forward[layer][unit] && backward[layer][unit] {
        count += 1
      }
    }
    return count
  }

  /// SNIP's batch for a seed: ``snipBatchSize`` training examples drawn without replacement.
  ///
  /// - Parameters:
  ///   - train: The training examples.
  ///   - seed: The seed.
  /// - Returns: The batch.
  /// - Throws: The errors of ``LabeledExamples/subset(_:)``.
  public static func snipBatch(from train: LabeledExamples, seed: UInt64) throws(PruningError)
    -> LabeledExamples
  {
    var order = Array(0..<train.count)
    var generator = SplitMix64(seed: seed &* 104_729 &+ 3)
    generator.shuffle(&order)
    return try train.subset(Array(order.prefix(snipBatchSize)))
  }

  /// Runs every method at every sparsity for one seed.
  ///
  /// - Parameters:
  ///   - seed: The seed of the initialisation, the SNIP batch, the data order and the draws.
  ///   - methods: The methods to run (the dense network runs once, at sparsity 0).
  ///   - train: The training examples.
  ///   - test: The test examples.
  ///   - report: Called after each trained network.
  /// - Returns: One record per trained network.
  /// - Throws: Whatever the methods or training throw (`notImplemented` until your exercise
  ///   is written).
  public static func run(
    seed: UInt64, methods: [Method] = Method.allCases, train: LabeledExamples,
    test: LabeledExamples, report: (Run) -> Void = { _ in }
  ) throws(PruningError) -> [Run] {
    var generator = SplitMix64(seed: seed)
    let model = try MLP(sizes: DigitsBaseline.sizes, using: &generator)
    let batch = try snipBatch(from: train, seed: seed)
    var config = configuration
    config.seed = seed
    var runs: [Run] = []
    for method in methods {
      for sparsity in method == .dense ? [0] : sparsities {
        let masks = try masks(method, sparsity: sparsity, model: model, batch: batch, seed: seed)
        let trained = try trainMasked(model, masks: masks, on: train, configuration: config)
        let run = Run(
          method: method, sparsity: sparsity, seed: seed,
          layerSparsities: try layerSparsities(masks), collapsed: try isCollapsed(masks),
          hiddenUnitsOnPaths: hiddenUnitsOnPaths(masks),
          accuracy: try trained.evaluate(on: test).accuracy)
        report(run)
        runs.append(run)
      }
    }
    return runs
  }
}
