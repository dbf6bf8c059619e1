import Foundation

/// The handwritten digits data set the capstone trains on, shipped as a package resource.
///
/// 1,797 grey-scale 8×8 images of the digits 0–9 (E. Alpaydin and C. Kaynak, *Optical
/// Recognition of Handwritten Digits*, UCI Machine Learning Repository, 1998, CC BY 4.0; the
/// copy distributed with scikit-learn). Each line of `Resources/digits.csv` holds 64 pixel
/// counts in `0...16` (row-major) and then the label. ``load()`` scales the pixels to `0...1`
/// by dividing by 16; ``split(_:testFraction:seed:)`` gives the kit's fixed 80/20 split.
///
/// ```swift
/// let (train, test) = try Digits.loadSplit()
/// train.count   // 1438
/// test.count    // 359
/// ```
public enum Digits {
  /// Pixels per image (8 × 8).
  public static let featureCount = 64

  /// The ten digits.
  public static let classCount = 10

  /// The largest pixel count in the file; pixels are divided by it.
  public static let maximumPixel = 16

  /// The images in the shipped file.
  public static let exampleCount = 1797

  /// The seed of the kit's train/test split.
  public static let splitSeed: UInt64 = 20_240_607

  /// The share of examples held out for testing.
  public static let testFraction = 0.2

  /// The name of the shipped file, as error messages cite it.
  public static let fileName = "digits.csv"

  /// Reads the digits from CSV text: 64 integers in `0...16` and a label in `0...9` a line.
  ///
  /// Pixels are scaled to `0...1` (divided by 16). Empty lines (such as a final newline) are
  /// skipped; `\r\n` line ends are accepted.
  ///
  /// ```swift
  /// let line = Array(repeating: "16", count: 64).joined(separator: ",") + ",7\n"
  /// let data = try Digits.parse(csv: line)
  /// data.features[0, 0]   // 1.0
  /// data.labels           // [7]
  /// ```
  ///
  /// - Parameters:
  ///   - csv: The file's text.
  ///   - source: The file name errors cite.
  /// - Returns: The examples, in file order.
  /// - Throws: `PruningError.malformedLine` naming the first bad line (1-based) and what is
  ///   wrong with it: a wrong field count, a field that is not an integer, a pixel outside
  ///   `0...16` or a label outside `0...9`; `PruningError.emptyInput` when there is no example.
  /// - Complexity: O(*n*) in the text's length.
  public static func parse(
    csv: String, source: String = Digits.fileName
  ) throws(PruningError) -> LabeledExamples {
    var pixels: [Float] = []
    var labels: [Int] = []
    var lineNumber = 0
    // "\r\n" is one Character in Swift, so split on any newline character.
    for line in csv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      lineNumber += 1
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      func fail(_ reason: String) -> PruningError {
        .malformedLine(source: source, line: lineNumber, reason: reason)
      }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == featureCount + 1 else {
        throw fail("expected \(featureCount + 1) comma-separated fields, got \(fields.count)")
      }
      for (column, field) in fields.enumerated() {
        let text = field.trimmingCharacters(in: .whitespaces)
        guard let value = Int(text) else {
          throw fail("field \(column + 1) is \"\(text)\", not an integer")
        }
        if column < featureCount {
          guard (0...maximumPixel).contains(value) else {
            throw fail("pixel \(column + 1) is \(value), outside 0...\(maximumPixel)")
          }
          pixels.append(Float(value) / Float(maximumPixel))
        } else {
          guard (0..<classCount).contains(value) else {
            throw fail("label is \(value), outside 0...\(classCount - 1)")
          }
          labels.append(value)
        }
      }
    }
    guard !labels.isEmpty else { throw .emptyInput(source) }
    return try LabeledExamples(
      features: Tensor(shape: [labels.count, featureCount], scalars: pixels), labels: labels,
      classCount: classCount)
  }

  /// Loads the shipped digits from the package's resources.
  ///
  /// - Returns: All 1,797 examples, pixels scaled to `0...1`.
  /// - Throws: `PruningError.resourceNotFound` when the file is missing from the bundle;
  ///   the errors of ``parse(csv:source:)``.
  public static func load() throws(PruningError) -> LabeledExamples {
    try parse(csv: ResourceFiles.text(named: fileName), source: fileName)
  }

  /// Splits examples into a training and a test set with a seeded shuffle.
  ///
  /// The positions `0..<count` are shuffled with ``SplitMix64/shuffle(_:)`` seeded by `seed`;
  /// the first `round(count · testFraction)` (half to even) are the test set, the rest the
  /// training set, and each part keeps file order. The same seed gives the same split on every
  /// platform.
  ///
  /// - Parameters:
  ///   - examples: The examples to split.
  ///   - testFraction: The share held out, in `0...1`.
  ///   - seed: The shuffle's seed.
  /// - Returns: The training and the test examples.
  /// - Throws: `PruningError.invalidArgument` for a fraction outside `0...1`.
  public static func split(
    _ examples: LabeledExamples,
    testFraction: Double = Digits.testFraction,
    seed: UInt64 = Digits.splitSeed
  ) throws(PruningError) -> (train: LabeledExamples, test: LabeledExamples) {
    guard (0...1).contains(testFraction) else {
      throw .invalidArgument("testFraction must be in 0...1, got \(testFraction)")
    }
    var order = Array(0..<examples.count)
    var generator = SplitMix64(seed: seed)
    generator.shuffle(&order)
    let testCount = Int((Double(examples.count) * testFraction).rounded(.toNearestOrEven))
    let test = order.prefix(testCount).sorted()
    let train = order.dropFirst(testCount).sorted()
    return (try examples.subset(train), try examples.subset(test))
  }

  /// Loads the shipped digits and splits them 80/20 with the kit's seed.
  ///
  /// - Returns: 1,438 training and 359 test examples.
  /// - Throws: The errors of ``load()``.
  public static func loadSplit() throws(PruningError) -> (
    train: LabeledExamples, test: LabeledExamples
  ) {
    try split(load())
  }
}
