import Foundation
import QuizEngine

/// The scored verdict of an interview, against a written rubric, as Markdown.
///
/// The rubric (100 points):
/// - Concepts, 30: the share of the concept round's questions answered right (unanswered ones
///   count as missed).
/// - Correctness, 40: the share of the coding task's checks that pass at its last grading.
/// - Time, 10: only for a pass: 10 − 5 × (time used ÷ the round's time), so 5 to 10.
/// - Hints: −5 for each hint level shown, at most −15, taken from the coding points.
/// - Follow-ups, 20: the share of the follow-up questions answered right.
///
/// A part that did not take place (no coding task left) is left out of the total and the
/// score is given out of the points that remain. Verdicts: 80 % and up "strong", 60 % "pass",
/// 40 % "borderline", below "not yet".
public struct InterviewReport: Sendable {
  /// The record scored.
  public var record: InterviewRecord

  /// The topic names, by id, in the report's language.
  public var topicNames: [String: String]

  /// The quiz topics mapped to the coded exercise (the follow-up questions' topics).
  public var exerciseTopics: [String]

  /// How the learner runs the kit and the quiz, for the suggested commands.
  public var kitCommand: String
  public var quizCommand: String

  /// The coded exercise's short alias, for the suggested commands.
  public var alias: String?

  /// The topics of questions in weak Leitner boxes, weakest first, reviewed after those
  /// missed in this interview.
  public var weakTopics: [String]

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - record: The interview as it went.
  ///   - topicNames: Topic names by id.
  ///   - exerciseTopics: The topics mapped to the coded exercise.
  ///   - kitCommand: How the kit is run (`swift run kit`).
  ///   - quizCommand: How the quiz is run (`swift run quiz`).
  ///   - alias: The coded exercise's alias.
  ///   - weakTopics: The topics of questions in weak Leitner boxes, weakest first.
  public init(
    record: InterviewRecord, topicNames: [String: String], exerciseTopics: [String],
    kitCommand: String = "swift run kit", quizCommand: String = "swift run quiz",
    alias: String? = nil, weakTopics: [String] = []
  ) {
    self.record = record
    self.topicNames = topicNames
    self.exerciseTopics = exerciseTopics
    self.kitCommand = kitCommand
    self.quizCommand = quizCommand
    self.alias = alias
    self.weakTopics = weakTopics
  }

  private func t(_ en: String, _ zh: String) -> String { record.language == .chinese ? zh : en }

  // MARK: Scores

  /// The concept round's points, out of 30.
  public var conceptPoints: Double { share(record.concepts) * 30 }

  /// The follow-up points, out of 20.
  public var followUpPoints: Double { share(record.followUps) * 20 }

  /// The correctness points, out of 40.
  public var correctnessPoints: Double {
    guard let coding = record.coding else { return 0 }
    if coding.checkCount > 0 {
      return 40 * Double(min(coding.passedChecks, coding.checkCount)) / Double(coding.checkCount)
    }
    return coding.isPassed ? 40 : 0
  }

  /// The time points, out of 10.
  public var timePoints: Double {
    guard let coding = record.coding, coding.isPassed, coding.budget > 0 else { return 0 }
    return 10 - 5 * min(max(coding.secondsUsed / coding.budget, 0), 1)
  }

  /// The points hints cost (0 or negative).
  public var hintPoints: Double {
    guard let coding = record.coding else { return 0 }
    return -min(Double(coding.hintsUsed) * 5, 15, correctnessPoints + timePoints)
  }

  /// The most points this interview could have given: 50 when there was no coding task to
  /// give, else 100 (a partial report counts the rounds not reached as 0).
  public var maximum: Double { record.codingSkipped == nil ? 100 : 50 }

  /// The points scored.
  public var total: Double {
    conceptPoints + followUpPoints + correctnessPoints + timePoints + hintPoints
  }

  /// The verdict's words.
  public var verdict: String {
    let ratio = maximum > 0 ? total / maximum : 0
    if ratio >= 0.8 { return t("strong", "优秀") }
    if ratio >= 0.6 { return t("pass", "通过") }
    if ratio >= 0.4 { return t("borderline", "边缘") }
    return t("not yet", "尚需努力")
  }

  private func share(_ answers: [InterviewAnswer]) -> Double {
    answers.isEmpty ? 0 : Double(answers.count { $0.isCorrect }) / Double(answers.count)
  }

  /// Right answers and questions asked, per topic id, in order of first appearance.
  public var topicScores: [(topic: String, correct: Int, asked: Int)] {
    var order: [String] = []
    var scores: [String: (Int, Int)] = [:]
    for answer in record.concepts + record.followUps {
      if scores[answer.topic] == nil { order.append(answer.topic) }
      let (correct, asked) = scores[answer.topic] ?? (0, 0)
      scores[answer.topic] = (correct + (answer.isCorrect ? 1 : 0), asked + 1)
    }
    return order.map { ($0, scores[$0]?.0 ?? 0, scores[$0]?.1 ?? 0) }
  }

  /// Up to three topics to review next: only topics with a wrong, skipped or unanswered
  /// question in this interview (the lowest share right first, then the most missed), then
  /// topics with questions in weak Leitner boxes; empty when there is nothing to review.
  public var reviewTopics: [String] {
    let missed = topicScores.filter { $0.correct < $0.asked }
      .enumerated()
      .sorted {
        let a = Double($0.element.correct) / Double($0.element.asked)
        let b = Double($1.element.correct) / Double($1.element.asked)
        if a != b { return a < b }
        let (missedA, missedB) = (
          $0.element.asked - $0.element.correct, $1.element.asked - $1.element.correct
        )
        return missedA != missedB ? missedA > missedB : $0.offset < $1.offset
      }
      .map(\.element.topic)
    var topics: [String] = []
    for topic in missed + weakTopics where !topics.contains(topic) {
      topics.append(topic)
    }
    return Array(topics.prefix(3))
  }

  // MARK: Rendering

  private func points(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
  }

  private func minutesText(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return String(format: "%d:%02d", whole / 60, whole % 60)
  }

  private func name(_ topic: String) -> String { topicNames[topic] ?? topic }

  /// The basis cell of a question round's rubric row, with the row's closing bar.
  ///
  /// - Parameter answers: The round's answers.
  /// - Returns: `not reached |` for a round never started, else `k of n right |`.
  /// - Complexity: O(*n*) for *n* answers.
  private func answeredBasis(_ answers: [InterviewAnswer]) -> String {
    guard !answers.isEmpty else { return t("not reached |", "未进行 |") }
    let right = answers.count { $0.isCorrect }
    return t("\(right) of \(answers.count) right |", "\(answers.count) 题答对 \(right) 题 |")
  }

  /// The report as Markdown.
  public var markdown: String {
    var lines: [String] = []
    let formatter = ISO8601DateFormatter()
    lines.append(t("# Mock interview report", "# 模拟面试报告"))
    lines.append("")
    lines.append(
      t(
        "Started \(formatter.string(from: record.started)) · \(record.minutes) minutes · seed \(record.seed)",
        "开始于 \(formatter.string(from: record.started)) · \(record.minutes) 分钟 · 种子 \(record.seed)"))
    if record.stage != .finished {
      lines.append("")
      lines.append(
        t(
          "**Partial report**: the interview stopped during the \(stageName(record.stage))"
            + (record.endedEarly.map { " (\($0))" } ?? "") + ".",
          "**部分报告**：面试在\(stageName(record.stage))中途结束"
            + (record.endedEarly.map { "（\($0)）" } ?? "") + "。"))
    }
    if !record.roundsCutShort.isEmpty {
      lines.append("")
      lines.append(
        t("Rounds cut short: ", "提前结束的环节：")
          + record.roundsCutShort.joined(separator: t("; ", "；")) + t(".", "。"))
    }
    lines.append("")
    lines.append(
      t(
        "**Score: \(points(total)) / \(points(maximum)), \(verdict)**",
        "**得分：\(points(total)) / \(points(maximum))，\(verdict)**"))
    lines.append("")
    lines.append(t("| Rubric | Points | Out of | Basis |", "| 评分项 | 得分 | 满分 | 依据 |"))
    lines.append("|---|---:|---:|---|")
    lines.append(
      t("| Concepts | ", "| 概念 | ") + "\(points(conceptPoints)) | 30 | "
        + answeredBasis(record.concepts))
    if let coding = record.coding {
      let task = taskTitle(coding)
      let scratch = coding.isScratch ? t(" (scratch copy)", "（草稿副本）") : ""
      lines.append(
        t("| Correctness | ", "| 正确性 | ") + "\(points(correctnessPoints)) | 40 | "
          + (coding.checkCount > 0
            ? t(
              "\(coding.passedChecks)/\(coding.checkCount) checks pass in \(task)\(scratch) |",
              "\(task)\(scratch) 通过 \(coding.passedChecks)/\(coding.checkCount) 项检查 |")
            : t("\(task)\(scratch) not checked |", "\(task)\(scratch) 未检查 |")))
      let time =
        coding.isPassed
        ? t(
          "passed after \(minutesText(coding.secondsUsed)) of \(minutesText(coding.budget))",
          "用时 \(minutesText(coding.secondsUsed))（限时 \(minutesText(coding.budget))）通过")
        : (coding.timedOut
          ? t(
            "time ran out (\(minutesText(coding.budget)))", "超时（限时 \(minutesText(coding.budget))）")
          : t("not passed", "未通过"))
      lines.append(t("| Time | ", "| 用时 | ") + "\(points(timePoints)) | 10 | \(time) |")
      lines.append(
        t("| Hints | ", "| 提示 | ") + "\(points(hintPoints)) | 0 | "
          + t("\(coding.hintsUsed) hint level(s), −5 each |", "查看 \(coding.hintsUsed) 级提示，每级 −5 |"))
    } else if let why = record.codingSkipped {
      lines.append(t("| Coding | – | – | ", "| 编程 | – | – | ") + why + " |")
    } else {
      lines.append(t("| Coding | 0 | 50 | not reached |", "| 编程 | 0 | 50 | 未进行 |"))
    }
    lines.append(
      t("| Follow-ups | ", "| 追问 | ") + "\(points(followUpPoints)) | 20 | "
        + answeredBasis(record.followUps))
    if let coding = record.coding, !coding.attempts.isEmpty {
      lines.append("")
      lines.append(t("## Coding round", "## 编程环节"))
      lines.append("")
      for (index, attempt) in coding.attempts.enumerated() {
        lines.append("\(index + 1). \(attempt)")
      }
    }
    lines.append("")
    lines.append(t("## Concepts by topic", "## 各主题得分"))
    lines.append("")
    if topicScores.isEmpty {
      lines.append(t("No question was answered.", "没有回答任何题目。"))
    }
    for score in topicScores {
      lines.append("- \(name(score.topic)) (`\(score.topic)`): \(score.correct)/\(score.asked)")
    }
    lines.append("")
    lines.append(t("## Review next", "## 接下来复习"))
    lines.append("")
    if reviewTopics.isEmpty {
      lines.append(
        t(
          "Nothing to review: no question was missed and no topic is weak.",
          "没有需要复习的主题：没有答错的题，也没有薄弱的主题。"))
    }
    for (index, topic) in reviewTopics.enumerated() {
      lines.append("\(index + 1). \(name(topic)): `\(quizCommand) --topic \(topic)`")
    }
    if let coding = record.coding, !coding.isPassed, let alias {
      lines.append(
        t(
          "- The coding task: `\(kitCommand) hint \(alias)`, then `\(kitCommand) check \(alias)`",
          "- 编程题：`\(kitCommand) hint \(alias)`，然后 `\(kitCommand) check \(alias)`"))
    }
    lines.append("")
    lines.append(t("## Rubric", "## 评分标准"))
    lines.append("")
    lines.append(
      t(
        """
        Concepts 30 (share right; unanswered counts as missed) · correctness 40 (share of the \
        task's checks passing) · time 10 (a pass only: 10 − 5 × time used ÷ time given) · \
        hints −5 per level, at most −15 · follow-ups 20. Without a coding task the score is out \
        of 50. Strong from 80 %, pass from 60 %, borderline from 40 %.
        """,
        """
        概念 30（答对比例；未答视为答错）· 正确性 40（通过的检查比例）· 用时 10（仅在通过时：\
        10 − 5 × 用时 ÷ 限时）· 提示每级 −5，最多 −15 · 追问 20。没有编程题时满分为 50。\
        80 % 以上优秀，60 % 通过，40 % 边缘。
        """))
    return lines.joined(separator: "\n") + "\n"
  }

  private func taskTitle(_ coding: CodingRecord) -> String {
    coding.exercise.title + (coding.part.map { " · \($0)" } ?? "")
  }

  private func stageName(_ stage: InterviewRecord.Stage) -> String {
    switch stage {
    case .concepts: return t("concept round", "概念环节")
    case .coding: return t("coding round", "编程环节")
    case .followUps: return t("follow-ups", "追问环节")
    case .finished: return t("verdict", "评分")
    }
  }
}
