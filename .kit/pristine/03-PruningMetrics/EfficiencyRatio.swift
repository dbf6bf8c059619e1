import PruningCore

/// The source article's "能效比" (efficiency ratio): runtime ÷ number of parameters.
///
/// Computed here so that you can see why nobody reports it. Its unit is nanoseconds per
/// non-zero parameter and it has no accuracy term. It rewards *not* pruning: mask 90 % of a
/// model's weights, run it on the same dense hardware at the same speed, and its ratio grows
/// about 10×, "worse", though nothing changed but the zeros. A bigger model at the same runtime
/// looks "better".
///
/// ```swift
/// // 10 000 000 non-zero parameters at 10 ms: 1 ns per parameter.
/// // The same model with 90 % of its weights masked, still 10 ms: 10 ns per parameter.
/// try efficiencyRatio(latencyNanoseconds: 10_000_000, model: model)
/// ```
///
/// - Parameters:
///   - latencyNanoseconds: The model's runtime (its median latency); finite and positive.
///   - model: The model; its non-zero parameters are the parameter count after pruning.
/// - Returns: Latency ÷ non-zero parameters; `Double.infinity` when every parameter is zero.
/// - Throws: `PruningError.invalidLatency` for a latency that is not finite and positive; the
///   errors of ``parameterCount(of:)``.
/// - Complexity: O(*p*) for *p* parameters.
public func efficiencyRatio(
  latencyNanoseconds: Double,
  model: Sequential
) throws(PruningError) -> Double {
  // TODO: Check the latency, then divide it by the model's non-zero parameter count.
  throw .notImplemented("efficiencyRatio(latencyNanoseconds:model:)")
}
