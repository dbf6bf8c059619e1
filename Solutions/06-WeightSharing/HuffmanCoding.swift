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
  guard !frequencies.isEmpty else { throw .emptyInput("frequencies") }
  for (index, frequency) in frequencies.enumerated() where frequency < 0 {
    throw .negativeFrequency(index: index, frequency: frequency)
  }
  let leaves = frequencies.filter { $0 > 0 }.sorted()
  guard leaves.count > 1 else { return leaves.first ?? 0 }

  // Two queues: sorted leaves, and merged nodes, which are created in increasing order. The
  // two smallest nodes are always at the fronts of the queues.
  var merged: [Int] = []
  merged.reserveCapacity(leaves.count - 1)
  var nextLeaf = 0
  var nextMerged = 0
  func takeSmallest() -> Int {
    if nextMerged == merged.count
      || (nextLeaf < leaves.count && leaves[nextLeaf] <= merged[nextMerged])
    {
      nextLeaf += 1
      return leaves[nextLeaf - 1]
    }
    nextMerged += 1
    return merged[nextMerged - 1]
  }
  var total = 0
  for _ in 1..<leaves.count {
    let node = takeSmallest() + takeSmallest()
    total += node
    merged.append(node)
  }
  return total
}
