import Foundation
import PruningCore

/// A language model's perplexity on a text: `exp(mean cross-entropy)`.
///
/// Perplexity is the effective number of equally likely next tokens the model hesitates
/// between: 1 for a model that is always certain and right, the vocabulary size for one that
/// guesses uniformly. The cross-entropy is in nats, so the base is `e`; bits per character are
/// `mean cross-entropy / ln 2`.
///
/// ```swift
/// // A model whose mean cross-entropy is ln 4 (uniform over 4 tokens):
/// try perplexity(of: model, sequences: text)   // 4
/// ```
///
/// - Parameters:
///   - model: The language model.
///   - sequences: The text, as token sequences.
/// - Returns: `exp(model.meanCrossEntropy(sequences:))`, at least 1.
/// - Throws: `PruningError.emptyInput("sequences")` when there are none; the model's errors;
///   `PruningError.invalidArgument` when its cross-entropy is negative or not finite.
/// - Complexity: One forward pass over the sequences.
public func perplexity(
  of model: some NextTokenScoring, sequences: [[Int]]
) throws(PruningError) -> Double {
  // TODO: Check the sequences are not empty; exp of the model's mean cross-entropy (finite and not
  // negative).
  throw .notImplemented("perplexity(of:sequences:)")
}
