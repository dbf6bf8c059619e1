import KitSupport

/// What the watch loop is told next: a key, a moment to look at the files again, or the end.
public enum WatchEvent: Hashable, Sendable {
  /// A key (in a terminal) or the first letter of a line (in a pipe).
  case key(Character)

  /// Nothing was typed for a while: time to look for saved files.
  case tick

  /// The input ended (end of file, or `q`).
  case end
}

/// `kit watch`: re-grades the exercise whose file was saved, shows its failures (bounded) and
/// the board line, and takes one-key commands.
///
/// Everything from outside is injected: the next event (a key, a tick, the end), the snapshot
/// of the exercise files, the grading and the output. So tests drive it with scripted events
/// and file snapshots, and no clock or sleep is involved: the real input waits up to a poll
/// interval for a key and then reports a tick.
public struct WatchSession {
  /// The exercises.
  public var catalogue: Catalogue

  /// Colours, or none.
  public var style: TextStyle

  /// How the learner runs the kit.
  public var command: String

  /// The most lines of one exercise's report shown after a save.
  public var maximumReportLines = 30

  /// Waits for and returns the next event.
  public var nextEvent: () -> WatchEvent

  /// A fingerprint of each exercise's files, by module name.
  public var snapshot: () -> [String: String]

  /// Grades exercises (from the cache where their files are unchanged, when `fresh` is false).
  public var grade: (_ exercises: [Exercise], _ fresh: Bool) -> [Grade]

  /// Shows an exercise's next hint.
  public var hint: (Exercise) -> Void

  /// Where output goes.
  public var write: (String) -> Void

  /// Creates a session.
  ///
  /// - Parameters:
  ///   - catalogue: The exercises.
  ///   - style: Colours, or none.
  ///   - command: How the learner runs the kit.
  ///   - nextEvent: Waits for and returns the next event.
  ///   - snapshot: A fingerprint of each exercise's files, by module name.
  ///   - grade: Grades exercises; `fresh` asks for a new run even when nothing changed.
  ///   - hint: Shows an exercise's next hint.
  ///   - write: Where output goes.
  public init(
    catalogue: Catalogue,
    style: TextStyle,
    command: String,
    nextEvent: @escaping () -> WatchEvent,
    snapshot: @escaping () -> [String: String],
    grade: @escaping (_ exercises: [Exercise], _ fresh: Bool) -> [Grade],
    hint: @escaping (Exercise) -> Void,
    write: @escaping (String) -> Void
  ) {
    self.catalogue = catalogue
    self.style = style
    self.command = command
    self.nextEvent = nextEvent
    self.snapshot = snapshot
    self.grade = grade
    self.hint = hint
    self.write = write
  }

  /// The keys, as the prompt lists them.
  public static let keys = "h hint · l list · n next · r re-run · q quit"

  /// Runs until `q` or the end of input.
  ///
  /// It starts on the first exercise that does not pass, shows its report, and then waits.
  public func run() {
    var grades = grade(catalogue.availableExercises, false)
    var current = firstUnfinished(grades) ?? catalogue.availableExercises.first
    var files = snapshot()
    write(
      style.emphasis("kit watch") + ": save a file in Exercises/ to grade it.\n" + Self.keys + "\n")
    if let current { show(current, grades: grades) }
    while true {
      switch nextEvent() {
      case .end, .key("q"):
        write("Stopped watching.\n")
        return
      case .tick:
        let now = snapshot()
        let changed = catalogue.availableExercises.filter { now[$0.name] != files[$0.name] }
        files = now
        guard let saved = changed.first else { continue }
        current = saved
        grades = merge(grade([saved], true), into: grades)
        show(saved, grades: grades)
      case .key("r"):
        guard let exercise = current else { continue }
        grades = merge(grade([exercise], true), into: grades)
        show(exercise, grades: grades)
      case .key("h"):
        if let current { hint(current) }
      case .key("l"):
        write(
          StatusBoard(catalogue: catalogue, grades: grades, style: style, command: command)
            .render())
      case .key("n"):
        let available = catalogue.availableExercises
        guard let exercise = current, let index = available.firstIndex(of: exercise) else {
          continue
        }
        let next = available[(index + 1) % available.count]
        current = next
        show(next, grades: grades)
      case .key(let other):
        write("unknown key '\(other)': \(Self.keys)\n")
      }
    }
  }

  /// Replaces the grades of the exercises just graded.
  private func merge(_ new: [Grade], into grades: [Grade]) -> [Grade] {
    var result = grades
    for grade in new {
      if let index = result.firstIndex(where: { $0.exercise == grade.exercise }) {
        result[index] = grade
      } else {
        result.append(grade)
      }
    }
    return result
  }

  private func firstUnfinished(_ grades: [Grade]) -> Exercise? {
    grades.first { !$0.isPassed && $0.status != .unavailable }?.exercise
  }

  /// Writes an exercise's report, cut to ``maximumReportLines``, then the board line.
  private func show(_ exercise: Exercise, grades: [Grade]) {
    guard let grade = grades.first(where: { $0.exercise == exercise }) else { return }
    let report = CheckReport(catalogue: catalogue, grade: grade, style: style, command: command)
    var lines = report.render().split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    if lines.last == "" { lines.removeLast() }
    if lines.count > maximumReportLines {
      let hidden = lines.count - maximumReportLines
      lines = Array(lines.prefix(maximumReportLines))
      lines.append(
        "  … \(hidden) more lines: `\(command) check \(catalogue.alias(for: exercise))`")
    }
    let board = StatusBoard(catalogue: catalogue, grades: grades, style: style, command: command)
    write("\n" + lines.joined(separator: "\n") + "\n")
    write(style.dim(board.summaryLine) + "\n" + style.dim(Self.keys) + "\n")
  }
}
