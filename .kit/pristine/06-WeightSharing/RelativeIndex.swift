import PruningCore

/// Positions of stored entries written as relative indices of a fixed width, with fillers.
///
/// Entry `i` is `codes[i]` zeros after the entry before it (the first entry counts from the
/// start, as if an entry sat at position −1). `isFiller[i]` is `true` for a filler: an explicit
/// zero stored only because a run of zeros was too long for one code.
///
/// ```swift
/// // Non-zeros at 1, 4 and 15 with 3-bit codes: a filler at 12 splits the run 5…14.
/// RelativeIndexEncoding(codes: [1, 2, 7, 2], isFiller: [false, false, true, false], bits: 3)
/// ```
public struct RelativeIndexEncoding: Hashable, Sendable {
  /// For each stored entry (fillers included), the number of zeros skipped since the entry
  /// before it; each in `0..<(1 << bits)`.
  public var codes: [Int]

  /// For each stored entry, whether it is a filler zero rather than a real entry.
  public var isFiller: [Bool]

  /// The width of one code in bits, in `1...32`.
  public var bits: Int

  /// Creates an encoding from its arrays.
  ///
  /// Nothing is validated here; ``relativeIndexDecode(_:)`` checks the arrays.
  ///
  /// - Parameters:
  ///   - codes: The zeros skipped before each stored entry.
  ///   - isFiller: Whether each stored entry is a filler.
  ///   - bits: The width of one code in bits.
  public init(codes: [Int], isFiller: [Bool], bits: Int) {
    self.codes = codes
    self.isFiller = isFiller
    self.bits = bits
  }
}

/// Encodes the positions of non-zeros as relative indices of `bits` bits, inserting fillers.
///
/// Deep Compression stores, instead of each non-zero's absolute position, how far it is from
/// the previous one, in a few bits. Here a
/// code is the **number of zeros skipped** since the previous stored entry (the first entry
/// counts from position 0), so a non-zero right after another has code 0. A `b`-bit code holds
/// at most `m = 2^b − 1`. When more than `m` zeros separate two non-zeros, the encoder stores
/// an explicit zero, a **filler**, at the position just after `m` skipped zeros (code `m`),
/// and continues counting from the filler; a long run can need several fillers.
///
/// ```swift
/// let e = try relativeIndexEncode([1, 4, 15], bits: 3)
/// e.codes      // [1, 2, 7, 2]: 1 zero before 1; 2 before 4; 7 (5…11), filler at 12; 2 (13, 14)
/// e.isFiller   // [false, false, true, false]
/// try relativeIndexEncode([0, 8], bits: 3).codes   // [0, 7]: exactly 7 zeros need no filler
/// ```
///
/// - Parameters:
///   - positions: Flat positions of the non-zeros; strictly increasing, the first `>= 0`.
///     May be empty.
///   - bits: The width of one code, in `1...32`.
/// - Returns: The codes and filler flags of every stored entry, in order.
/// - Throws: `PruningError.invalidBitWidth` when `bits` is outside `1...32`;
///   `PruningError.positionOutOfOrder(index:position:)` for the first position that is negative
///   (at index 0) or not greater than the one before it.
/// - Complexity: O(*n* + *f*) for *n* positions and *f* fillers.
public func relativeIndexEncode(_ positions: [Int], bits: Int) throws(PruningError)
  -> RelativeIndexEncoding
{
  // TODO: Walk the positions from an imaginary previous entry at -1; emit the zeros skipped,
  //   inserting a filler (code 2^bits - 1) whenever more than 2^bits - 1 zeros remain.
  throw .notImplemented("relativeIndexEncode(_:bits:)")
}

/// Decodes relative indices back to the positions of the real entries, dropping fillers.
///
/// Each stored entry (filler or not) sits `code + 1` places after the one before it, the
/// first at `code`. Fillers advance the position but are not returned.
///
/// ```swift
/// let e = RelativeIndexEncoding(
///   codes: [1, 2, 7, 2], isFiller: [false, false, true, false], bits: 3)
/// try relativeIndexDecode(e)   // [1, 4, 15]  (the filler sat at 12)
/// ```
///
/// - Parameter encoding: The codes, filler flags and code width.
/// - Returns: The positions of the entries that are not fillers, increasing.
/// - Throws: `PruningError.invalidBitWidth` when `bits` is outside `1...32`;
///   `PruningError.shapeMismatch(expected: [codes.count], actual: [isFiller.count])` when the
///   arrays differ in length; `PruningError.indexOutOfRange(index: code, count: 1 << bits)`
///   for the first code that does not fit in `bits` bits (negative or too large). Checked in
///   this order.
/// - Complexity: O(*n*).
public func relativeIndexDecode(_ encoding: RelativeIndexEncoding) throws(PruningError) -> [Int] {
  // TODO: Validate, then advance code + 1 places per entry from -1 and keep the positions of the
  //   entries that are not fillers.
  throw .notImplemented("relativeIndexDecode(_:)")
}
