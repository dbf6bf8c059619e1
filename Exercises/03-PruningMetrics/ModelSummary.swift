import PruningCore

/// One model's numbers for a ``PruningReport``: accuracy, parameters, MACs, latency and sizes.
///
/// Build one from a model with ``init(model:inputShape:accuracy:latencyNanoseconds:)``, or
/// give every number yourself with the memberwise initializer.
public struct ModelSummary: Hashable, Sendable {
  /// The accuracy measured on the test set, a fraction in `0...1`.
  public var accuracy: Double

  /// The trainable parameters, total and non-zero.
  public var parameters: ParameterCount

  /// The dense multiply-accumulates for one example.
  public var multiplyAccumulates: Int

  /// The multiply-accumulates left if zero weights were skipped (each layer's MACs times its
  /// weight density).
  public var effectiveMultiplyAccumulates: Double

  /// The median latency in nanoseconds, when it was measured.
  public var latencyNanoseconds: Double?

  /// The parameters stored densely as 32-bit floats, in bytes.
  public var denseBytes: Int

  /// The parameters stored as CSR with 32-bit indices, in bytes.
  public var csrBytes: Int

  /// The parameters stored as a bitmask plus the non-zero values, in bytes.
  public var bitmaskBytes: Int

  /// Creates a summary from numbers measured elsewhere.
  ///
  /// - Parameters:
  ///   - accuracy: The accuracy, a fraction in `0...1`.
  ///   - parameters: The trainable parameters, total and non-zero.
  ///   - multiplyAccumulates: The dense MACs for one example.
  ///   - effectiveMultiplyAccumulates: The density-weighted MACs for one example.
  ///   - latencyNanoseconds: The median latency, or `nil` when not measured.
  ///   - denseBytes: The dense fp32 size.
  ///   - csrBytes: The CSR size.
  ///   - bitmaskBytes: The bitmask size.
  public init(
    accuracy: Double,
    parameters: ParameterCount,
    multiplyAccumulates: Int,
    effectiveMultiplyAccumulates: Double,
    latencyNanoseconds: Double? = nil,
    denseBytes: Int,
    csrBytes: Int,
    bitmaskBytes: Int
  ) {
    self.accuracy = accuracy
    self.parameters = parameters
    self.multiplyAccumulates = multiplyAccumulates
    self.effectiveMultiplyAccumulates = effectiveMultiplyAccumulates
    self.latencyNanoseconds = latencyNanoseconds
    self.denseBytes = denseBytes
    self.csrBytes = csrBytes
    self.bitmaskBytes = bitmaskBytes
  }

  /// Measures a model: its parameters, MACs and sizes, with the accuracy and latency you give.
  ///
  /// `parameters` is ``parameterCount(of:)``, `multiplyAccumulates` is
  /// ``macs(of:inputShape:)``, `effectiveMultiplyAccumulates` is
  /// ``effectiveMACs(of:inputShape:)`` and the three sizes are ``modelSize(of:format:)`` in
  /// `.dense`, `.csr` and `.bitmask`.
  ///
  /// ```swift
  /// let summary = try ModelSummary(
  ///   model: model, inputShape: [1, 64], accuracy: 0.975, latencyNanoseconds: 12_300)
  /// ```
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - inputShape: The model's input shape, batch dimension first.
  ///   - accuracy: The accuracy measured on the test set, a fraction in `0...1`.
  ///   - latencyNanoseconds: The median latency, finite and positive, or `nil`.
  /// - Throws: `PruningError.invalidAccuracy` for an accuracy outside `0...1` or not finite;
  ///   `PruningError.invalidLatency` for a latency that is not finite and positive (both checked
  ///   before the model); the errors of ``macs(of:inputShape:)``.
  public init(
    model: Sequential,
    inputShape: [Int],
    accuracy: Double,
    latencyNanoseconds: Double? = nil
  ) throws(PruningError) {
    // TODO: Check the accuracy and the latency, then fill every field from the functions of this
    // exercise.
    throw .notImplemented("ModelSummary.init(model:inputShape:accuracy:latencyNanoseconds:)")
  }
}
