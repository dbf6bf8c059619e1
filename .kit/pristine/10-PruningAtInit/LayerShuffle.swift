import PruningCore

/// Shuffles each mask within its own layer: the same number kept per layer, new positions.
///
/// Frankle et al. (2021) shuffle the masks that SNIP, GraSP and SynFlow find, layer by layer,
/// and the networks train to the same or better accuracy: the methods' choice of *which*
/// weights to keep carries no information beyond *how many* per layer. (After training, the
/// same shuffle hurts magnitude pruning.) Each mask's flags are permuted uniformly at random;
/// a flag never moves to another layer, so every layer keeps exactly as many weights as before.
/// The reference permutes the layers in order, each with one call of
/// ``SplitMix64/shuffle(_:)`` on its flags.
///
/// ```swift
/// var generator = SplitMix64(seed: 1)
/// try shuffledWithinLayers([mask("██··/····"), mask("█·█")], using: &generator)
/// // layer 0 still keeps 2 of 8, layer 1 still 2 of 3, at random positions
/// ```
///
/// - Parameters:
///   - masks: The masks to shuffle, one per layer.
///   - generator: The seeded generator the permutations are drawn from.
/// - Returns: One mask per input mask, of the same shape and kept count.
/// - Throws: Nothing in practice; declared so the stub can say it is not written yet.
/// - Complexity: O(*n*) for *n* flags in all.
public func shuffledWithinLayers(
  _ masks: [Mask], using generator: inout SplitMix64
) throws(PruningError) -> [Mask] {
  // TODO: Permute each mask's flags with the generator, layer by layer.
  throw .notImplemented("shuffledWithinLayers(_:using:)")
}
