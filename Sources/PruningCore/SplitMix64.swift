import KitSupport

/// The kit's seeded random number generator (SplitMix64, Steele et al. 2014), under the name
/// exercises and tests use.
///
/// The generator lives in the kit's support library, shared with the `kit` and `quiz` tools, so
/// there is one copy of it; this alias keeps `SplitMix64` reachable with `import PruningCore`
/// alone. Its sequence for a seed never changes.
public typealias SplitMix64 = KitSupport.SplitMix64
