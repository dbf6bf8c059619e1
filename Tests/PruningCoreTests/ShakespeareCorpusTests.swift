import Foundation
import PruningCore
import PruningTestSupport
import Testing

@Suite("The character vocabulary and the Shakespeare corpus")
struct ShakespeareCorpusTests {
  @Test("The vocabulary sorts by scalar value, encodes and decodes")
  func vocabulary() throws {
    let vocabulary = try CharacterVocabulary(characters: Array("cab \n"))
    #expect(vocabulary.characters == Array("\n abc"))
    let ids = try vocabulary.encode("cab a\n")
    #expect(ids == [4, 2, 3, 1, 2, 0])
    #expect(vocabulary.decode(ids) == "cab a\n")
    #expect(vocabulary.decode([2, 9]) == "a\u{FFFD}")
    #expect(throws: PruningError.unknownCharacter("z", offset: 2)) {
      try vocabulary.encode("abz")
    }
    #expect(throws: PruningError.duplicateIndex(1)) {
      try CharacterVocabulary(characters: ["a", "a"])
    }
    #expect(throws: PruningError.emptyInput("vocabulary")) {
      try CharacterVocabulary(characters: [])
    }
  }

  @Test("The shipped corpus splits into 90/5/5 contiguous chunks with the seeded shuffle")
  func shippedSplit() throws {
    let corpus = try ShakespeareCorpus.load()
    #expect(corpus.vocabulary.count == 76)
    let total = corpus.train.count + corpus.validation.count + corpus.calibration.count
    #expect(total == 1_035_979)
    // The oracle: the text file read directly, cut into 100 chunks, the chunks the seeded
    // shuffle names for validation and calibration joined in text order.
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/PruningCore/Resources/shakespeare.txt")
    let ids = try corpus.vocabulary.encode(try String(contentsOf: url, encoding: .utf8))
    #expect(ids.count == total)
    let chunk = total / 100
    var generator = SplitMix64(seed: ShakespeareCorpus.splitSeed)
    var order = Array(0..<100)
    generator.shuffle(&order)
    func join(_ chunks: [Int]) -> [Int] {
      chunks.sorted().flatMap { c in ids[(c * chunk)..<(c == 99 ? ids.count : (c + 1) * chunk)] }
    }
    let validationChunks = Array(order[..<5])
    let expectedValidation = join(validationChunks)
    let expectedCalibration = join(Array(order[5..<10]))
    let expectedTrain = join(Array(order[10...]))
    #expect(corpus.calibration == expectedCalibration, "calibration is not chunks \(order[5..<10])")
    #expect(corpus.train == expectedTrain, "train is not the other 90 chunks")
    #expect(corpus.validation == expectedValidation, "validation is not chunks \(validationChunks)")
  }

  @Test("windows cuts consecutive windows that share one id and drops a short tail")
  func windows() {
    let tokens = Array(0..<7)
    #expect(ShakespeareCorpus.windows(of: tokens, length: 3) == [[0, 1, 2, 3], [3, 4, 5, 6]])
    #expect(ShakespeareCorpus.windows(of: tokens, length: 4) == [[0, 1, 2, 3, 4]])
    #expect(ShakespeareCorpus.windows(of: tokens, length: 3, limit: 1) == [[0, 1, 2, 3]])
    #expect(ShakespeareCorpus.windows(of: tokens, length: 7).isEmpty)
  }

  @Test("The unigram baseline is the smoothed train frequencies' cross-entropy")
  func unigram() throws {
    let text = String(repeating: "aab", count: 40)
    let corpus = try ShakespeareCorpus(text: text)
    let a = Double(corpus.train.filter { $0 == 0 }.count) + 1
    let b = Double(corpus.train.filter { $0 == 1 }.count) + 1
    let expected = -(2 * log(a / (a + b)) + log(b / (a + b))) / 3
    expectClose(corpus.unigramCrossEntropy(of: [0, 0, 1]), expected, tolerance: 1e-12)
    #expect(throws: PruningError.self) { try ShakespeareCorpus(text: "short") }
  }
}
