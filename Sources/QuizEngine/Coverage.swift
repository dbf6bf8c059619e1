/// What the bank must cover, checked by `quiz lint`.
///
/// The list lives in code, not in the bank's files, so a bank that silently drops a topic or
/// one of the source article's questions fails lint instead of passing it.
public enum Coverage {
  /// The fewest questions a shipped bank may have.
  public static let minimumQuestions = 124

  /// The source article's five concept questions; each must be askable as a recall item,
  /// marked with the tag in its `covers` list.
  public static let articleQuestions: [(tag: String, question: String)] = [
    ("article-1", "什么是神经网络剪枝？ (what is pruning)"),
    ("article-2", "剪枝有哪些类型？ (its types)"),
    ("article-3", "剪枝的目的是什么？ (its purpose)"),
    ("article-4", "如何评估剪枝后的模型效果？ (evaluating a pruned model)"),
    ("article-5", "剪枝过程中如何处理稀疏性？ (handling sparsity)"),
  ]

  /// The source article's two errors; each must be taught by at least one question.
  public static let articleErrors: [(tag: String, error: String)] = [
    ("article-error-layer-output", "assigning to a Keras layer's read-only `output`"),
    ("article-error-efficiency-ratio", "the runtime ÷ parameters \"efficiency ratio\""),
  ]

  /// Every tag a question may list in `covers`.
  public static var knownTags: Set<String> {
    Set(articleQuestions.map(\.tag) + articleErrors.map(\.tag))
  }

  /// The topics every bank must have, each with at least one question.
  public static let requiredTopics: [String] = [
    "what", "types", "purpose", "evaluation", "handling", "granularity", "criteria", "ratios",
    "schedules", "nm", "lottery", "formats", "hardware", "pitfalls", "article-errors",
    // The frontier: LLMs, transformers, pruning at initialisation, quantization, hardware.
    "llm-pruning", "transformer-structured", "pruning-at-init", "movement", "sparse-quant",
    "hardware-reality",
  ]
}
