import PruningCore

/// The number of channels a layer keeps when a fraction of them is pruned.
///
/// `round(C · (1 − r))`, computed as `Double(channels) * (1 - ratio)` and rounded half to even,
/// as the MIT 6.5940 lab's `get_num_channels_to_keep` does with Python's `round`. Swift's
/// `rounded()` rounds half away from zero and keeps one channel too many at exact halves.
///
/// ```swift
/// try keptChannelCount(64, ratio: 0.3)    // 45   (44.8)
/// try keptChannelCount(256, ratio: 0.3)   // 179  (179.2)
/// try keptChannelCount(5, ratio: 0.5)     // 2    (2.5 rounds to even)
/// ```
///
/// - Parameters:
///   - channels: The channel count before pruning; not negative.
///   - ratio: The fraction of channels to prune, in `0...1`.
/// - Returns: The channels kept, in `0...channels`.
/// - Throws: `PruningError.invalidArgument("channels must not be negative, got \(channels)")`
///   for a negative count; `PruningError.invalidAmount(.fraction(ratio))` for a ratio outside
///   `0...1` or not finite.
/// - Complexity: O(1).
public func keptChannelCount(_ channels: Int, ratio: Double) throws(PruningError) -> Int {
  // TODO: Validate both arguments, then round C · (1 − r) half to even.
  throw .notImplemented("keptChannelCount(_:ratio:)")
}
