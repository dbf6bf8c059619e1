import PruningCore

/// The total number of bits an optimal (Huffman) prefix code spends on a message.
///
/// `frequencies[s]` is how often symbol `s` occurs. Huffman's algorithm repeatedly merges the
/// two least frequent nodes; each merge of weights `a` and `b` adds `a + b` to the total, since
/// every occurrence below that node gets one more bit. The total is the same for every
/// optimal tree, whatever order ties are merged in, so it is well defined even though the
/// codewords are not.
///
/// - Symbols with frequency 0 never occur and get no codeword.
/// - A message of a single distinct symbol still needs **1 bit per occurrence** (a code
///   cannot be empty): `[7] → 7`.
/// - No occurrences at all (every frequency 0) cost 0 bits.
///
/// ```swift
/// try huffmanTotalBits([5, 2, 1, 1])   // 15: merges 1+1=2, 2+2=4, 4+5=9; 2+4+9 = 15
/// try huffmanTotalBits([1, 1, 1, 1])   // 8: a fixed 2-bit code is already optimal
/// ```
///
/// A fixed-length code would spend `⌈log2 4⌉ = 2` bits on each of the 9 symbols of the first
/// example, 18 bits; Huffman saves 3 because symbol 0 is common.
///
/// - Parameter frequencies: One count per symbol; not empty, none negative.
/// - Returns: The total encoded length in bits.
/// - Throws: `PruningError.emptyInput("frequencies")` for an empty list;
///   `PruningError.negativeFrequency(index:frequency:)` for the first negative count.
/// - Complexity: O(*s* log *s*) for *s* symbols.
public func huffmanTotalBits(_ frequencies: [Int]) throws(PruningError) -> Int {
  // TODO: Validate; ignore zero counts; with two or more symbols, repeatedly merge the two smallest
  //   counts and add each merged count to the total.
  throw .notImplemented("huffmanTotalBits(_:)")
}
