import Foundation
import PruningCore
import Testing

/// The checked-in bytes of a file in `Sources/PruningCore/Resources`.
private func resourceBytes(_ name: String) throws -> Data {
  let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  let root = tests.deletingLastPathComponent().deletingLastPathComponent()
  return try Data(
    contentsOf: root.appendingPathComponent("Sources/PruningCore/Resources/\(name)"))
}

/// The first line where two texts differ, for a readable failure.
private func firstDifference(_ a: Data, _ b: Data) -> String {
  let left = String(decoding: a, as: UTF8.self).split(
    separator: "\n", omittingEmptySubsequences: false)
  let right = String(decoding: b, as: UTF8.self).split(
    separator: "\n", omittingEmptySubsequences: false)
  for index in 0..<max(left.count, right.count) {
    let l = index < left.count ? String(left[index].prefix(120)) : "<end of file>"
    let r = index < right.count ? String(right[index].prefix(120)) : "<end of file>"
    if l != r { return "line \(index + 1): shipped \(l) | re-encoded \(r)" }
  }
  return "no line differs (\(a.count) vs \(b.count) bytes)"
}

@Suite("The shipped archives re-encode to their own bytes")
struct ShippedArchiveBytesTests {
  @Test("Loading and saving the digits baseline reproduces the shipped file byte for byte")
  func digitsBaseline() throws {
    let shipped = try resourceBytes(ModelArchive.digitsBaselineFileName)
    let encoded = try DigitsBaseline.load().jsonData()
    #expect(encoded == shipped, "\(firstDifference(shipped, encoded))")
  }

  @Test("Loading and saving the tiny language model reproduces the shipped file byte for byte")
  func tinyLanguageModel() throws {
    let shipped = try resourceBytes(TinyLanguageModel.fileName)
    let encoded = try TinyLanguageModel.shipped().jsonData()
    #expect(encoded == shipped, "\(firstDifference(shipped, encoded))")
  }
}
