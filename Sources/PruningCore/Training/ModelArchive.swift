import Foundation

/// A trained ``MLP`` with notes on how it was made, stored as a small JSON file.
///
/// The file keeps every weight as the shortest decimal that reads back to the same `Float`, so
/// saving and loading is exact. Each weight row is one line, so a diff shows which rows moved.
///
/// ```json
/// {
///   "format": "pruningkit-mlp",
///   "version": 1,
///   "provenance": { "command": "…", "testAccuracy": "0.9777" },
///   "layers": [
///     { "weight": [[0.12, -0.03], [0.5, 0.01]], "bias": [0.1, -0.2] }
///   ]
/// }
/// ```
///
/// The kit ships the dense digits baseline this way (``digitsBaseline()``), so the capstone
/// starts from a trained model and never trains from scratch.
public struct ModelArchive: Hashable, Sendable {
  /// The model.
  public var model: MLP

  /// Free-form notes: the command that made the model, its seeds and accuracies.
  public var provenance: [String: String]

  /// The value of `"format"` in every archive.
  public static let format = "pruningkit-mlp"

  /// The file version this code writes and reads.
  public static let version = 1

  /// The shipped dense baseline's resource file name.
  public static let digitsBaselineFileName = "digits-baseline.json"

  /// Creates an archive.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - provenance: Notes on how it was made.
  public init(model: MLP, provenance: [String: String] = [:]) {
    self.model = model
    self.provenance = provenance
  }

  /// The archive as JSON text: a weight row a line, provenance keys sorted.
  ///
  /// - Returns: UTF-8 JSON ending in a newline.
  /// - Throws: `PruningError.nonFiniteWeight` for a NaN or infinite weight or bias (JSON has no
  ///   such numbers).
  public func jsonData() throws(PruningError) -> Data {
    var objects: [[String]] = []
    for layer in model.layers {
      try layer.weight.validateFinite()
      try layer.bias.validateFinite()
      objects.append([
        ArchiveJSON.matrixField(
          "weight", layer.weight.scalars, columns: layer.inputSize, rowCount: layer.outputSize),
        ArchiveJSON.field("bias", ArchiveJSON.array(layer.bias.scalars)),
      ])
    }
    return ArchiveJSON(format: Self.format, version: Self.version, provenance: provenance)
      .finished(listing: "layers", objects: objects)
  }

  /// Reads an archive from JSON.
  ///
  /// - Parameters:
  ///   - jsonData: The file's bytes.
  ///   - source: The file name errors cite.
  /// - Throws: `PruningError.malformedFile` when the bytes are not an archive: not JSON, a
  ///   missing field, another format or version, ragged weight rows, a bias of the wrong length,
  ///   or layers that do not chain.
  public init(jsonData: Data, source: String) throws(PruningError) {
    let file = try ArchiveJSON.decode(
      File.self, from: jsonData, kind: "model archive", format: Self.format,
      version: Self.version, source: source)
    var layers: [Dense] = []
    for (index, layer) in file.layers.enumerated() {
      let width = layer.weight.first?.count ?? 0
      guard layer.weight.allSatisfy({ $0.count == width }) else {
        throw .malformedFile(source: source, reason: "layer \(index): weight rows differ in length")
      }
      guard layer.bias.count == layer.weight.count else {
        throw .malformedFile(
          source: source,
          reason: "layer \(index): \(layer.bias.count) biases for \(layer.weight.count) outputs")
      }
      do {
        layers.append(
          try Dense(
            weight: Tensor(
              shape: [layer.weight.count, width], scalars: layer.weight.flatMap { $0 }),
            bias: Tensor(layer.bias)))
      } catch {
        throw .malformedFile(source: source, reason: "layer \(index): \(error)")
      }
    }
    do {
      model = try MLP(layers: layers)
    } catch {
      throw .malformedFile(source: source, reason: "\(error)")
    }
    provenance = file.provenance ?? [:]
  }

  /// Loads the dense digits baseline the kit ships (`Resources/digits-baseline.json`).
  ///
  /// It was trained once by `swift run -c release capstone train-baseline`; its provenance
  /// records the seeds, the recipe and the accuracies measured then.
  ///
  /// - Returns: The archive.
  /// - Throws: `PruningError.resourceNotFound` when the file is missing;
  ///   `PruningError.malformedFile` when it cannot be read.
  public static func digitsBaseline() throws(PruningError) -> ModelArchive {
    try ModelArchive(
      jsonData: ResourceFiles.data(named: digitsBaselineFileName), source: digitsBaselineFileName)
  }

  private struct File: ArchiveFile {
    var format: String
    var version: Int
    var provenance: [String: String]?
    var layers: [LayerFile]
  }

  private struct LayerFile: Decodable {
    var weight: [[Float]]
    var bias: [Float]
  }
}
