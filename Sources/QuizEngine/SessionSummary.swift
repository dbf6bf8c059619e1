import KitSupport

/// The end-of-session summary: the score, and for each topic reached, the questions answered
/// right out of those asked and the ids of those missed or skipped.
public enum SessionSummary {
  /// The summary's lines.
  ///
  /// - Parameters:
  ///   - result: The session's result.
  ///   - bank: The bank, for topic names and order.
  ///   - language: The language to write in.
  ///   - style: Colour or plain.
  /// - Returns: The summary, ending with a newline.
  public static func render(
    _ result: SessionResult, bank: Bank, language: Language, style: TextStyle
  ) -> String {
    let strings = Strings(language)
    var lines = ["", style.heading(strings.summaryHeading)]
    lines.append(
      strings.score(
        correct: result.correctCount, answered: result.outcomes.count,
        planned: result.planned.count))
    if result.endedEarly {
      lines.append(strings.notReached(result.planned.count - result.outcomes.count))
    }
    let reached = result.planned.prefix(result.outcomes.count)
    let topicIDs = bank.topics.map(\.id).filter { id in
      reached.contains { $0.question.topic == id }
    }
    if !topicIDs.isEmpty {
      lines.append(strings.byTopic)
      let names = topicIDs.map { bank.topic($0)?.name[language] ?? $0 }
      let nameWidth = names.map(DisplayWidth.of).max() ?? 0
      for (id, name) in zip(topicIDs, names) {
        var correct = 0
        var total = 0
        var missed: [String] = []
        var skipped: [String] = []
        for (asked, outcome) in zip(reached, result.outcomes) where asked.question.topic == id {
          total += 1
          switch outcome {
          case .correct: correct += 1
          case .wrong: missed.append(asked.question.id)
          case .skipped: skipped.append(asked.question.id)
          }
        }
        var line =
          "  " + name + String(repeating: " ", count: nameWidth - DisplayWidth.of(name))
          + "  \(correct)/\(total)"
        if !missed.isEmpty {
          line += "  " + style.failure(strings.missedIDs(missed.joined(separator: ", ")))
        }
        if !skipped.isEmpty {
          line += "  " + style.warning(strings.skippedIDs(skipped.joined(separator: ", ")))
        }
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
