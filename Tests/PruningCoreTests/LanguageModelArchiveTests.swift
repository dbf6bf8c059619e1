import Foundation
import PruningCore
import PruningTestSupport
import Testing

@Suite("The language-model archive")
struct LanguageModelArchiveTests {
  let vocabulary: CharacterVocabulary

  init() throws {
    vocabulary = try CharacterVocabulary(characters: Array("\n ab\"\\c"))
  }

  @Test("Saving and loading gives back the same model, vocabulary and notes, bit for bit")
  func roundTrip() throws {
    let model = try randomTinyModel(seed: 3)
    let archive = try LanguageModelArchive(
      model: model, vocabulary: vocabulary,
      provenance: ["command": "a \"quoted\" note\nover two lines", "seed": "3"])
    let data = try archive.jsonData()
    let loaded = try LanguageModelArchive(jsonData: data, source: "round-trip.json")
    let changed = loaded.model.namedParameters().filter { name, tensor in
      model.namedParameters().first { $0.name == name }?.tensor != tensor
    }
    #expect(changed.isEmpty, "tensors that changed: \(changed.map(\.name))")
    #expect(loaded.model == model)
    #expect(loaded.vocabulary == vocabulary)
    #expect(loaded.provenance == archive.provenance)
    #expect(try loaded.jsonData() == data, "saving the loaded archive gives other bytes")
  }

  @Test("A block with fewer heads round-trips")
  func narrowerBlock() throws {
    var model = try randomTinyModel(seed: 4)
    let block = model.blocks[0]
    func firstRows(_ l: Linear, _ n: Int) throws -> Linear {
      try Linear(
        weight: Tensor(shape: [n, l.inputs], scalars: Array(l.weight.scalars[..<(n * l.inputs)])),
        bias: Tensor(Array(l.bias.scalars[..<n])))
    }
    let output = try Tensor(
      rows: (0..<8).map { r in (0..<4).map { block.output.weight[r, $0] } })
    model.blocks[0] = try TransformerBlock(
      attentionNorm: block.attentionNorm, query: firstRows(block.query, 4),
      key: firstRows(block.key, 4), value: firstRows(block.value, 4),
      output: Linear(weight: output, bias: block.output.bias), mlpNorm: block.mlpNorm,
      mlpUp: block.mlpUp, mlpDown: block.mlpDown, headDimension: 4)
    let data = try LanguageModelArchive(model: model, vocabulary: vocabulary).jsonData()
    let loaded = try LanguageModelArchive(jsonData: data, source: "narrow.json")
    #expect(loaded.model == model)
    #expect(loaded.model.blocks[0].headCount == 1)
  }

  @Test("Malformed archives throw malformedFile with the reason")
  func malformed() throws {
    let model = try randomTinyModel(seed: 5)
    let good = try LanguageModelArchive(model: model, vocabulary: vocabulary).jsonData()
    let text = String(decoding: good, as: UTF8.self)
    func load(_ text: String) throws {
      _ = try LanguageModelArchive(jsonData: Data(text.utf8), source: "bad.json")
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "bad.json",
        reason: "format is \"pruningkit-mlp\", expected \"pruningkit-transformer\"")
    ) {
      try load(text.replacingOccurrences(of: "pruningkit-transformer", with: "pruningkit-mlp"))
    }
    #expect(
      throws: PruningError.malformedFile(source: "bad.json", reason: "missing tensor head.bias")
    ) {
      try load(text.replacingOccurrences(of: "\"head.bias\"", with: "\"head.other\""))
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "bad.json", reason: "tensor finalNorm.beta: 8 values do not fill shape [9]")
    ) {
      try load(
        text.replacingOccurrences(
          of: "\"name\": \"finalNorm.beta\",\n      \"shape\": [8]",
          with: "\"name\": \"finalNorm.beta\",\n      \"shape\": [9]"))
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "bad.json", reason: "not a language-model archive: not valid JSON")
    ) {
      try load("{ not json")
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "bad.json", reason: "not a language-model archive: missing field \"headDimension\"")
    ) {
      try load(#"{"format": "pruningkit-transformer", "version": 1}"#)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [7], actual: [3])) {
      try LanguageModelArchive(
        model: model, vocabulary: CharacterVocabulary(characters: ["a", "b", "c"]))
    }
  }
}
