import Foundation

/// A ``TransformerLanguageModel`` with its vocabulary and notes on how it was made, stored as
/// JSON in the style of ``ModelArchive``.
///
/// Every parameter is the shortest decimal that reads back to the same `Float`, so saving and
/// loading is exact; each tensor row is one line.
///
/// ```json
/// {
///   "format": "pruningkit-transformer",
///   "version": 1,
///   "provenance": { "command": "…", "validationBitsPerCharacter": "…" },
///   "headDimension": 16,
///   "vocabulary": "\n !…",
///   "tensors": [
///     { "name": "tokenEmbedding", "shape": [76, 64], "rows": [[0.01, …], …] },
///     …
///   ]
/// }
/// ```
///
/// Tensors are named by their path in the model (`blocks.0.query.weight`); a 1-D tensor is
/// one row. Blocks may have different head counts and MLP widths.
public struct LanguageModelArchive: Hashable, Sendable {
  /// The model.
  public var model: TransformerLanguageModel

  /// The characters behind the model's token ids.
  public var vocabulary: CharacterVocabulary

  /// Free-form notes: the command, seeds, recipe and validation figures.
  public var provenance: [String: String]

  /// The value of `"format"` in every archive.
  public static let format = "pruningkit-transformer"

  /// The file version this code writes and reads.
  public static let version = 1

  /// Creates an archive.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - vocabulary: Its vocabulary.
  ///   - provenance: Notes on how it was made.
  /// - Throws: `PruningError.shapeMismatch` when the vocabulary's size is not the model's.
  public init(
    model: TransformerLanguageModel, vocabulary: CharacterVocabulary,
    provenance: [String: String] = [:]
  ) throws(PruningError) {
    guard vocabulary.count == model.vocabularySize else {
      throw .shapeMismatch(expected: [model.vocabularySize], actual: [vocabulary.count])
    }
    self.model = model
    self.vocabulary = vocabulary
    self.provenance = provenance
  }

  /// The archive as JSON text: a tensor row a line, provenance keys sorted.
  ///
  /// - Returns: UTF-8 JSON ending in a newline.
  /// - Throws: `PruningError.nonFiniteWeight` for a NaN or infinite parameter;
  ///   `PruningError.invalidHyperparameter` when the blocks' head dimensions differ.
  public func jsonData() throws(PruningError) -> Data {
    try model.validate()
    let headDimension = model.blocks.first?.headDimension ?? 1
    for block in model.blocks where block.headDimension != headDimension {
      throw .invalidHyperparameter(name: "headDimension", value: Double(block.headDimension))
    }
    var writer = ArchiveJSON(format: Self.format, version: Self.version, provenance: provenance)
    writer.appendField("headDimension", "\(headDimension)")
    writer.appendField("vocabulary", ArchiveJSON.quoted(String(vocabulary.characters)))
    let objects = model.namedParameters().map { name, tensor in
      let columns = tensor.shape.last ?? 1
      return [
        ArchiveJSON.field("name", ArchiveJSON.quoted(name)),
        ArchiveJSON.field("shape", ArchiveJSON.array(tensor.shape)),
        ArchiveJSON.matrixField(
          "rows", tensor.scalars, columns: columns,
          rowCount: columns == 0 ? 0 : tensor.count / columns),
      ]
    }
    return writer.finished(listing: "tensors", objects: objects)
  }

  /// Reads an archive from JSON.
  ///
  /// - Parameters:
  ///   - jsonData: The file's bytes.
  ///   - source: The file name errors cite.
  /// - Throws: `PruningError.malformedFile` when the bytes are not an archive: not JSON, a
  ///   missing field or tensor, another format or version, rows that do not fill the shape,
  ///   parts that do not fit together, or a vocabulary of the wrong size.
  public init(jsonData: Data, source: String) throws(PruningError) {
    let file = try ArchiveJSON.decode(
      File.self, from: jsonData, kind: "language-model archive", format: Self.format,
      version: Self.version, source: source)
    var tensors: [String: Tensor] = [:]
    for entry in file.tensors {
      let scalars = entry.rows.flatMap { $0 }
      guard let tensor = try? Tensor(shape: entry.shape, scalars: scalars) else {
        throw .malformedFile(
          source: source,
          reason: "tensor \(entry.name): \(scalars.count) values do not fill shape \(entry.shape)")
      }
      tensors[entry.name] = tensor
    }
    func tensor(_ name: String) throws(PruningError) -> Tensor {
      guard let found = tensors[name] else {
        throw .malformedFile(source: source, reason: "missing tensor \(name)")
      }
      return found
    }
    do {
      func norm(_ prefix: String) throws(PruningError) -> LayerNorm {
        try LayerNorm(gamma: tensor(prefix + ".gamma"), beta: tensor(prefix + ".beta"))
      }
      func linear(_ prefix: String) throws(PruningError) -> Linear {
        try Linear(weight: tensor(prefix + ".weight"), bias: tensor(prefix + ".bias"))
      }
      var blocks: [TransformerBlock] = []
      var b = 0
      while tensors["blocks.\(b).query.weight"] != nil {
        let p = "blocks.\(b)."
        blocks.append(
          try TransformerBlock(
            attentionNorm: norm(p + "attentionNorm"), query: linear(p + "query"),
            key: linear(p + "key"), value: linear(p + "value"), output: linear(p + "output"),
            mlpNorm: norm(p + "mlpNorm"), mlpUp: linear(p + "mlpUp"),
            mlpDown: linear(p + "mlpDown"), headDimension: file.headDimension))
        b += 1
      }
      model = try TransformerLanguageModel(
        tokenEmbedding: tensor("tokenEmbedding"), positionEmbedding: tensor("positionEmbedding"),
        blocks: blocks, finalNorm: norm("finalNorm"), head: linear("head"))
      vocabulary = try CharacterVocabulary(characters: Array(file.vocabulary))
    } catch {
      if case .malformedFile = error { throw error }
      throw .malformedFile(source: source, reason: "\(error)")
    }
    guard vocabulary.count == model.vocabularySize else {
      throw .malformedFile(
        source: source,
        reason: "\(vocabulary.count) vocabulary characters for \(model.vocabularySize) token ids")
    }
    provenance = file.provenance ?? [:]
  }

  private struct File: ArchiveFile {
    var format: String
    var version: Int
    var provenance: [String: String]?
    var headDimension: Int
    var vocabulary: String
    var tensors: [TensorFile]
  }

  private struct TensorFile: Decodable {
    var name: String
    var shape: [Int]
    var rows: [[Float]]
  }
}

extension TransformerLanguageModel {
  /// Every parameter tensor with its path (`blocks.0.query.weight`), in a fixed order.
  ///
  /// - Returns: The names and tensors: the embeddings, each block's norms and layers, the
  ///   final norm and the head.
  public func namedParameters() -> [(name: String, tensor: Tensor)] {
    var named: [(String, Tensor)] = [
      ("tokenEmbedding", tokenEmbedding), ("positionEmbedding", positionEmbedding),
    ]
    for (b, block) in blocks.enumerated() {
      let p = "blocks.\(b)."
      named += [
        (p + "attentionNorm.gamma", block.attentionNorm.gamma),
        (p + "attentionNorm.beta", block.attentionNorm.beta),
        (p + "query.weight", block.query.weight), (p + "query.bias", block.query.bias),
        (p + "key.weight", block.key.weight), (p + "key.bias", block.key.bias),
        (p + "value.weight", block.value.weight), (p + "value.bias", block.value.bias),
        (p + "output.weight", block.output.weight), (p + "output.bias", block.output.bias),
        (p + "mlpNorm.gamma", block.mlpNorm.gamma), (p + "mlpNorm.beta", block.mlpNorm.beta),
        (p + "mlpUp.weight", block.mlpUp.weight), (p + "mlpUp.bias", block.mlpUp.bias),
        (p + "mlpDown.weight", block.mlpDown.weight), (p + "mlpDown.bias", block.mlpDown.bias),
      ]
    }
    named += [
      ("finalNorm.gamma", finalNorm.gamma), ("finalNorm.beta", finalNorm.beta),
      ("head.weight", head.weight), ("head.bias", head.bias),
    ]
    return named
  }
}
