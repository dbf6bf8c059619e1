import Foundation

/// Every line of the quiz's interface in the learner's language.
public struct Strings: Sendable {
  /// The language of the strings.
  public var language: Language

  /// Creates the strings of a language.
  ///
  /// - Parameter language: The language.
  public init(_ language: Language) {
    self.language = language
  }

  private func text(_ english: String, _ chinese: String) -> String {
    language == .english ? english : chinese
  }

  /// The list separator: `, ` or `、`.
  var listSeparator: String { text(", ", "、") }

  // MARK: Session

  func header(count: Int, seed: UInt64, review: Bool) -> String {
    let what = review ? text("review", "复习") : text("quiz", "测验")
    return text(
      "PruningKit \(what): \(count) question\(count == 1 ? "" : "s"), seed \(seed).",
      "PruningKit \(what)：共 \(count) 题，随机种子 \(seed)。")
  }

  var instructions: String {
    text(
      "Type your answer and press Enter. At any prompt: ? help, s skip, q quit "
        + "(answers so far are kept).",
      "输入答案后按回车。任何提示下：? 帮助，s 跳过，q 退出（已答的题会保留）。")
  }

  func questionHeading(
    number: Int, of count: Int, topic: String, id: String, hint: String
  ) -> String {
    text(
      "Question \(number) of \(count) · \(topic) · \(id) · \(hint)",
      "第 \(number) 题，共 \(count) 题 · \(topic) · \(id) · \(hint)")
  }

  func kindHint(_ kind: Question.Kind) -> String {
    switch kind {
    case .singleChoice: text("choose one", "单选")
    case .multipleAnswer: text("choose every correct option", "多选：选出所有正确项")
    case .ordering: text("put in order", "排序")
    case .numeric: text("type a number", "填写数字")
    case .recall: text("answer in your own words", "用自己的话回答")
    }
  }

  func prompt(for asked: AskedQuestion) -> String {
    let n = asked.choiceCount
    switch asked.question.kind {
    case .singleChoice:
      return text("Your answer [1-\(n); s skip, q quit]: ", "你的答案 [1-\(n)；s 跳过，q 退出]：")
    case .multipleAnswer:
      return text(
        "Your answers [one or more of 1-\(n), e.g. 1 3; s skip, q quit]: ",
        "你的答案 [1-\(n) 中的一个或多个，如 1 3；s 跳过，q 退出]：")
    case .ordering:
      return text(
        "Your order [each of 1-\(n) once, first to last, with spaces; s skip, q quit]: ",
        "你的顺序 [1-\(n) 各一次，从先到后，用空格分隔；s 跳过，q 退出]：")
    case .numeric:
      return text(
        "Your number [e.g. 0.25, 25% or 1/4; s skip, q quit]: ",
        "你的数字 [如 0.25、25% 或 1/4；s 跳过，q 退出]：")
    case .recall:
      return recallAttemptPrompt
    }
  }

  func invalid(for asked: AskedQuestion) -> String {
    let n = asked.choiceCount
    switch asked.question.kind {
    case .singleChoice:
      return text(
        "Please type one number from 1 to \(n).", "请输入 1 到 \(n) 之间的一个数字。")
    case .multipleAnswer:
      return text(
        "Please type the number of every option you choose, from 1 to \(n), e.g. 1 3.",
        "请输入你选择的每个选项的编号（1 到 \(n)），如 1 3。")
    case .ordering:
      return text(
        "Please type each number from 1 to \(n) exactly once, first to last, separated by "
          + "spaces.",
        "请把 1 到 \(n) 每个数字各输入一次，从先到后，用空格分隔。")
    case .numeric:
      return text(
        "Please type a number, e.g. 0.25, 25% or 1/4.", "请输入一个数字，如 0.25、25% 或 1/4。")
    case .recall:
      return gradeInvalid
    }
  }

  var commandHelp: String {
    text(
      "s skips the question (it counts as missed); q ends the session and shows the summary; "
        + "Ctrl-D ends it too.",
      "s 跳过本题（记为未答对）；q 结束并显示总结；Ctrl-D 也会结束。")
  }

  var recallAttemptPrompt: String {
    text(
      "Your answer (or just Enter to see the model answer; s skip, q quit): ",
      "你的回答（也可直接回车查看参考答案；s 跳过，q 退出）：")
  }

  var modelAnswer: String { text("Model answer:", "参考答案：") }

  var gradePrompt: String {
    text(
      "Did your answer cover the model answer? [y yes, n no; q quit]: ",
      "你的回答是否涵盖了参考答案？[y 是，n 否；q 退出]：")
  }

  var gradeInvalid: String { text("Please type y (yes) or n (no).", "请输入 y（是）或 n（否）。") }

  var correct: String { text("Correct.", "回答正确。") }
  var incorrect: String { text("Incorrect.", "回答错误。") }
  var skipped: String { text("Skipped.", "已跳过。") }
  var selfCorrect: String { text("Marked as known.", "已记为掌握。") }
  var selfIncorrect: String { text("Marked for review.", "已记为需要复习。") }

  func theAnswer(_ answer: String) -> String { text("The answer: \(answer)", "正确答案：\(answer)") }
  func whyNot(_ number: Int) -> String { text("Why not \(number): ", "为什么不是 \(number)：") }
  func missed(_ labels: String) -> String { text("You missed: \(labels)", "漏选：\(labels)") }
  func notPart(_ labels: String) -> String {
    text("Not part of the answer: \(labels)", "不属于答案：\(labels)")
  }
  func yourAnswer(_ answer: String) -> String {
    text("Your answer: \(answer)", "你的答案：\(answer)")
  }
  func accepted(low: String, high: String) -> String {
    text(" (accepted: \(low) to \(high))", "（接受范围：\(low) 到 \(high)）")
  }
  var explanation: String { text("Explanation: ", "解析：") }
  var source: String { text("Source: ", "出处：") }

  // MARK: Summary

  var summaryHeading: String { text("Summary", "总结") }

  func score(correct: Int, answered: Int, planned: Int) -> String {
    text(
      "Score: \(correct) of \(planned) correct.",
      "得分：\(planned) 题中答对 \(correct) 题。")
  }

  func notReached(_ count: Int) -> String {
    text(
      "Not reached: \(count) (the session ended early).",
      "未作答：\(count) 题（提前结束）。")
  }

  var byTopic: String { text("By topic:", "按主题：") }
  func missedIDs(_ ids: String) -> String { text("missed: \(ids)", "未答对：\(ids)") }
  func skippedIDs(_ ids: String) -> String { text("skipped: \(ids)", "跳过：\(ids)") }

  func saved(_ path: String) -> String {
    text("Progress saved to \(path).", "进度已保存到 \(path)。")
  }
  var notSavedFlag: String {
    text("Progress not saved (--no-save).", "未保存进度（--no-save）。")
  }
  var notSavedWarning: String {
    text("Progress not saved (see the warning above).", "未保存进度（见上方警告）。")
  }
  var reviewHint: String {
    text(
      "Run swift run quiz --review to go over what you missed or skipped.",
      "运行 swift run quiz --review 复习答错或跳过的题。")
  }
  var nothingDue: String {
    text(
      "Nothing is due for review now. Run swift run quiz (without --review) for more questions.",
      "现在没有需要复习的题。运行 swift run quiz（不加 --review）做更多题目。")
  }
  func interrupted(saving: Bool) -> String {
    saving
      ? text(
        "\nInterrupted. Progress up to the last answer is saved.\n",
        "\n已中断。最后一次作答之前的进度已保存。\n")
      : text("\nInterrupted.\n", "\n已中断。\n")
  }

  // MARK: Warnings and errors

  func warning(_ warning: StoreWarning) -> String {
    let prefix = text("quiz: warning: ", "quiz: 警告：")
    switch warning {
    case .corruptSetAside(let path, let movedTo):
      return prefix
        + text(
          "the progress file \(path) was not valid; it was moved to \(movedTo) and a fresh one "
            + "started.",
          "进度文件 \(path) 已损坏，已移到 \(movedTo)，并新建了进度文件。")
    case .cannotSetAside(let path, let reason):
      return prefix
        + text(
          "the progress file \(path) cannot be used or moved aside (\(reason)); the quiz runs "
            + "but will not save progress.",
          "进度文件 \(path) 无法使用也无法移走（\(reason)）；测验照常进行，但不会保存进度。")
    case .newerVersion(let path, let version):
      return prefix
        + text(
          "\(path) was written by a newer quiz (schema \(version)); it is left as it is and "
            + "progress will not be saved.",
          "\(path) 由更新版本的 quiz 写入（schema \(version)）；文件保持不变，本次不保存进度。")
    case .cannotCreateFolder(let path, let reason):
      return prefix
        + text(
          "cannot create the state folder \(path) (\(reason)); the quiz runs but will not save "
            + "progress. Use --state PATH to save elsewhere.",
          "无法创建状态目录 \(path)（\(reason)）；测验照常进行，但不会保存进度。可用 --state PATH 指定别处。")
    case .cannotSave(let path, let reason):
      return prefix
        + text(
          "cannot save progress to \(path) (\(reason)); the quiz goes on without saving.",
          "无法保存进度到 \(path)（\(reason)）；测验继续，但不再保存。")
    case .noStateLocation:
      return prefix
        + text(
          "neither XDG_STATE_HOME nor HOME is set, so progress will not be saved "
            + "(use --state PATH).",
          "XDG_STATE_HOME 和 HOME 都未设置，不会保存进度（可用 --state PATH）。")
    case .leftAlone(let path, let reason):
      return prefix
        + text(
          "\(path) is left as it is (\(reason)): the quiz only replaces a progress file it "
            + "wrote. The quiz runs but will not save progress; use --state FILE to save elsewhere.",
          "\(path) 保持不变（\(reason)）：quiz 只替换它自己写的进度文件。测验照常进行，但不会保存进度；"
            + "可用 --state FILE 保存到别处。")
    }
  }

  func usageError(_ message: String) -> String {
    "quiz: \(message)\n"
      + text("Try 'swift run quiz --help'.\n", "运行 'swift run quiz --help' 查看用法。\n")
  }

  func bankError(_ error: BankError) -> String {
    text("quiz: cannot load the question bank: ", "quiz: 无法加载题库：") + "\(error)\n"
  }

  func unknownTopic(_ topic: String, known: [String]) -> String {
    text("unknown topic \"\(topic)\"; ", "未知主题 \"\(topic)\"；")
      + text("the topics are: ", "可用主题：") + known.joined(separator: ", ")
  }

  // MARK: Lint, topics, version

  func lintClean(questions: Int, topics: Int) -> String {
    text(
      "The bank is clean: \(questions) questions in \(topics) topics; every required topic, "
        + "all five of the article's questions and both of its errors are covered.\n",
      "题库检查通过：\(topics) 个主题共 \(questions) 题；所有必需主题、原文的五个问题和两个错误均已覆盖。\n")
  }

  func longestShare(_ share: LongestOptionShare, _ measured: Language) -> String {
    let percent = "\(Int((share.share * 100).rounded())) %"
    let chance = "\(Int((share.chance * 100).rounded())) %"
    return text(
      "Picking the longest option (\(measured.rawValue)) answers \(percent) of the "
        + "\(share.total) single-choice questions right; a blind guess \(chance).\n",
      "总选最长的选项（\(measured.rawValue)）能答对 \(share.total) 道单选题中的 \(percent)；"
        + "盲猜为 \(chance)。\n")
  }

  func lintProblems(_ count: Int) -> String {
    text(
      "The bank has \(count) problem\(count == 1 ? "" : "s"):\n", "题库有 \(count) 个问题：\n")
  }

  var topicsHeading: String { text("Topics (use with --topic):", "主题（用于 --topic）：") }

  func questionCount(_ count: Int) -> String {
    text("\(count) question\(count == 1 ? "" : "s")", "\(count) 题")
  }

  func version(_ version: String, questions: Int) -> String {
    text(
      "quiz (PruningKit) \(version), \(questions) questions\n",
      "quiz（PruningKit）\(version)，共 \(questions) 题\n")
  }

  /// The text `quiz --help` prints: each paragraph and each row of a listing is one line,
  /// which the console wraps to the terminal's width, hanging descriptions under their column.
  var help: String {
    text(
      """
      Usage: quiz [options]
             quiz lint

      Drills the concepts of neural-network pruning and sparsity that interviewers ask \
      about, in English or Chinese. Answer at the prompt; ? shows the valid inputs, s skips, \
      q quits. Progress is kept per question (five Leitner boxes) and saved after each answer.

      Options:
        --topic ID[,ID]  ask only about these topics (see --list-topics); repeatable
        --list-topics    list the topics and how many questions each has
        --count N        ask N questions (default 10)
        --review         ask only questions you missed or that are due again
        --seed N         shuffle questions and options with this seed (printed at the \
      start; with --no-save a seed always gives the same session)
        --lang en|zh     language (default from LC_ALL, LC_MESSAGES or LANG: zh_* is Chinese)
        --no-color       no colour (also off when NO_COLOR is set, TERM=dumb, or not a \
      terminal)
        --state PATH     progress file (default $XDG_STATE_HOME/pruning-kit/progress.json, \
      or ~/.local/state/pruning-kit/progress.json)
        --no-save        practise without reading or writing progress (--review still \
      reads it)
        --now TIME       the current time in ISO 8601, for scheduling (or PRUNING_KIT_NOW)
        --answer-key     print the inputs that answer this session correctly, then exit
        --bank DIR       use the question bank in DIR (for bank authors)
        -h, --help       show this help
        --version        show the version

      Commands:
        lint             check the question bank; exit status 1 if it has problems

      Exit status: 0 every question right, 1 some wrong, skipped or not reached, 64 bad \
      usage, 130 interrupted (Ctrl-C).

      """,
      """
      用法：quiz [选项]
            quiz lint

      用中文或英文练习面试中常问的神经网络剪枝与稀疏性概念。在提示处作答；\
      ? 显示可用输入，s 跳过，q 退出。每题的进度（五个 Leitner 盒子）在每次作答后保存。

      选项：
        --topic ID[,ID]  只练习这些主题（见 --list-topics）；可重复
        --list-topics    列出主题及每个主题的题数
        --count N        出 N 道题（默认 10）
        --review         只出答错过或到期需要复习的题
        --seed N         用此随机种子打乱题目和选项（开始时会显示；\
      配合 --no-save 时同一种子总是得到同一组题）
        --lang en|zh     语言（默认取 LC_ALL、LC_MESSAGES 或 LANG：zh_* 为中文）
        --no-color       不用颜色（设置 NO_COLOR、TERM=dumb 或输出不是终端时也不用）
        --state PATH     进度文件（默认 $XDG_STATE_HOME/pruning-kit/progress.json，\
      或 ~/.local/state/pruning-kit/progress.json）
        --no-save        练习模式：不读也不写进度（--review 仍会读取）
        --now TIME       当前时间（ISO 8601），用于复习调度（或 PRUNING_KIT_NOW）
        --answer-key     输出能答对本组题的输入（每行一个），然后退出
        --bank DIR       使用 DIR 中的题库（供题库作者使用）
        -h, --help       显示本帮助
        --version        显示版本

      命令：
        lint             检查题库；有问题时退出码为 1

      退出码：0 全部答对，1 有答错、跳过或未作答的题，64 用法错误，130 被中断（Ctrl-C）。

      """)
  }
}
