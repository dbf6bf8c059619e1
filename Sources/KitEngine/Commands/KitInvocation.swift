/// A parsed `kit` command line.
public struct KitInvocation: Hashable, Sendable {
  /// What to do.
  public enum Command: Hashable, Sendable {
    /// The board (also what a bare `kit` does).
    case status

    /// Grade one exercise and show its failing checks.
    case check(String)

    /// Show a hint level: the next unseen one, or the one given.
    case hint(String, level: Int?)

    /// Show the reference solution (one file when a file or function name is given), or its
    /// diff against the learner's files.
    case solution(String, diff: Bool, only: String? = nil)

    /// Restore one exercise (a name) or every exercise (`nil`) to its pristine stubs.
    case reset(String?)

    /// The maintainer's check.
    case verify

    /// The maintainer's mutation run: grade plausible slips in the reference solutions.
    case mutants(MutationOptions)

    /// Watch `Exercises/` and grade each exercise as its files are saved.
    case watch

    /// A timed mock interview: concepts, a coding task, follow-ups, a scored report.
    case interview(InterviewOptions)

    /// The usage text.
    case help
  }

  /// What to do.
  public var command: Command

  /// `--package-path`: the kit's folder, when given.
  public var packagePath: String?

  /// `--timeout`: seconds one exercise's tests may run, when given.
  public var timeout: Double?

  /// `--yes`: answer yes to the confirmation questions.
  public var assumesYes: Bool

  /// Creates an invocation.
  ///
  /// - Parameters:
  ///   - command: What to do.
  ///   - packagePath: The kit's folder, when given.
  ///   - timeout: Seconds one exercise's tests may run, when given.
  ///   - assumesYes: Whether to answer yes to confirmation questions.
  public init(
    _ command: Command,
    packagePath: String? = nil,
    timeout: Double? = nil,
    assumesYes: Bool = false
  ) {
    self.command = command
    self.packagePath = packagePath
    self.timeout = timeout
    self.assumesYes = assumesYes
  }

  /// The usage text `kit --help` prints.
  ///
  /// Each paragraph and each row of the listings is one line, however long: the console
  /// wraps them to the terminal's width (80 columns in a pipe), hanging each description
  /// under its column (``TextLayout/wrapLines(_:width:)``).
  public static func usage(command: String) -> String {
    """
    kit: progress, hints and reference solutions for the exercises

    Usage: \(command) [COMMAND] [OPTIONS]

    Commands:
      status                every exercise with its checks, and the next step (the default)
      watch                 grade each exercise as you save it; keys h hint, l list, n next, \
    r re-run, q quit (lines of those letters in a pipe)
      check NAME            grade one exercise and show each failing check in full
      hint NAME [LEVEL]     the next hint level (or LEVEL) from the exercise's HINTS.md
      solution NAME [FILE]  the reference solution (one file, by file or function name); asks \
    first until the exercise passes
      reset NAME | --all    restore the pristine stubs after a y/N question, keeping a backup
      interview             a timed mock interview: concept questions, a coding task, \
    follow-ups and a scored report (--minutes 45, --lang en|zh, --seed N, --topic ID[,ID])
      verify                for maintainers: the files agree (twins, stubs, pristine copy, \
    README counts), the references pass every grading test and the untouched stubs fail \
    every one
      verify --mutants      for maintainers: grade slips in the references (an operator, a \
    bound, a rounding rule, a constant); [--exercise NAME] [--sample N --seed S] \
    [--threshold 0.95]; --list counts each file's mutants without running them

    NAME is a number (01 or 1), a module name (WeightPruning) or a short alias (weight).

    Options:
      --diff                with solution: show the differences from your files instead
      -y, --yes             answer yes to the questions of solution and reset
      --timeout SECONDS     time limit for one exercise's tests (default 60, or KIT_TIMEOUT)
      --package-path PATH   the kit's folder (default: this folder or the nearest above it \
    with a Package.swift)
      -h, --help            show this text

    Each exercise is graded in its own test process (the test bundle, as `swift test` runs \
    it), so a crash, an endless loop or a compile error costs only that exercise. The build \
    is shared with `swift build` and `swift test` in .build; when an exercise does not \
    compile, the others are built in .build-kit without it. The board reuses the last grade \
    of each exercise whose inputs have not changed (.build/kit-grades.json).

    Exit status: 0 success, 1 failure (a check that fails, a problem found), 64 bad usage.

    """
  }

  /// Parses the arguments after the program name.
  ///
  /// - Parameter arguments: The command-line arguments, without the program name.
  /// - Returns: The invocation.
  /// - Throws: `KitError.usage` for an unknown command or option, a missing or extra operand,
  ///   or an option the command does not take.
  public static func parse(_ arguments: [String]) throws(KitError) -> KitInvocation {
    var interview: InterviewOptions?
    var arguments = arguments
    if arguments.contains("interview") {
      (interview, arguments) = try InterviewOptions.extract(from: arguments)
    }
    var words: [String] = []
    var packagePath: String?
    var timeout: Double?
    var assumesYes = false
    var diff = false
    var all = false
    var help = false
    var mutants = false
    var mutation = MutationOptions()
    var mutationOptionGiven = false
    var cursor = ArgumentCursor(arguments)
    while let argument = cursor.next() {
      switch argument {
      case "-h", "--help", "help":
        help = true
      case "-y", "--yes":
        assumesYes = true
      case "--diff":
        diff = true
      case "--all":
        all = true
      case "--mutants":
        mutants = true
      case "--list":
        mutation.listsOnly = true
        mutationOptionGiven = true
      case "--exercise":
        mutation.exercise = try cursor.value(for: argument)
        mutationOptionGiven = true
      case "--sample":
        let text = try cursor.value(for: argument)
        guard let count = Int(text), count > 0 else {
          throw .usage("--sample needs a positive number of mutants, not '\(text)'")
        }
        mutation.sample = count
        mutationOptionGiven = true
      case "--seed":
        let text = try cursor.value(for: argument)
        guard let seed = UInt64(text) else {
          throw .usage("--seed needs a non-negative whole number, not '\(text)'")
        }
        mutation.seed = seed
        mutationOptionGiven = true
      case "--threshold":
        let text = try cursor.value(for: argument)
        guard let threshold = Double(text), (0...1).contains(threshold) else {
          throw .usage("--threshold needs a fraction from 0 to 1, not '\(text)'")
        }
        mutation.threshold = threshold
        mutationOptionGiven = true
      case "--package-path":
        packagePath = try cursor.value(for: argument)
      case "--timeout":
        let text = try cursor.value(for: argument)
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
          throw .usage("--timeout needs a positive number of seconds, not '\(text)'")
        }
        timeout = seconds
      default:
        if argument.hasPrefix("-") && argument.count > 1 && Int(argument) == nil {
          throw .usage("unknown option '\(argument)'; `kit --help` lists the options")
        }
        words.append(argument)
      }
    }
    if help { return KitInvocation(.help) }

    let name = words.first ?? "status"
    let operands = Array(words.dropFirst())
    func operandCount(_ range: ClosedRange<Int>, _ usage: String) throws(KitError) {
      guard range.contains(operands.count) else { throw .usage("usage: kit \(usage)") }
    }
    let command: Command
    switch name {
    case "status":
      try operandCount(0...0, "status")
      command = .status
    case "check":
      try operandCount(1...1, "check NAME")
      command = .check(operands[0])
    case "hint", "hints":
      try operandCount(1...2, "hint NAME [LEVEL]")
      var level: Int?
      if operands.count == 2 {
        guard let number = Int(operands[1]), number >= 1 else {
          throw .usage("the hint level must be a number from 1, not '\(operands[1])'")
        }
        level = number
      }
      command = .hint(operands[0], level: level)
    case "solution", "solutions":
      try operandCount(1...2, "solution NAME [FILE | FUNCTION] [--diff]")
      command = .solution(operands[0], diff: diff, only: operands.count == 2 ? operands[1] : nil)
    case "reset":
      if all {
        try operandCount(0...0, "reset NAME | reset --all")
        command = .reset(nil)
      } else {
        try operandCount(1...1, "reset NAME | reset --all")
        command = .reset(operands[0])
      }
    case "verify":
      try operandCount(0...0, "verify [--mutants]")
      command = mutants ? .mutants(mutation) : .verify
    case "watch":
      try operandCount(0...0, "watch")
      command = .watch
    case "interview":
      try operandCount(0...0, "interview [--minutes N] [--lang en|zh] [--seed N] [--topic ID]")
      command = .interview(interview ?? InterviewOptions())
    default:
      throw .usage("unknown command '\(name)'; `kit --help` lists the commands")
    }
    if diff, case .solution = command {
    } else if diff {
      throw .usage("--diff goes with solution")
    }
    let mutationWanted = mutants || mutationOptionGiven
    if mutationWanted, case .mutants = command {
    } else if mutationWanted {
      throw .usage(
        "--mutants, --exercise, --sample, --seed, --threshold and --list go with "
          + "verify --mutants")
    }
    if all, case .reset = command {
    } else if all {
      throw .usage("--all goes with reset")
    }
    return KitInvocation(
      command, packagePath: packagePath, timeout: timeout, assumesYes: assumesYes)
  }
}

/// The options of `kit verify --mutants`.
public struct MutationOptions: Hashable, Sendable {
  /// `--exercise`: the one exercise to mutate, or `nil` for all.
  public var exercise: String?

  /// `--sample`: how many mutants to run per exercise, or `nil` for all.
  public var sample: Int?

  /// `--seed`: which sample.
  public var seed: UInt64

  /// `--threshold`: the kill rate every exercise must reach.
  public var threshold: Double

  /// `--list`: count each file's mutants (what a full run costs) without running any.
  public var listsOnly: Bool

  /// Creates options.
  ///
  /// - Parameters:
  ///   - exercise: The exercise, or `nil` for all.
  ///   - sample: Mutants per exercise, or `nil` for all.
  ///   - seed: The sample's seed; 1 by default.
  ///   - threshold: The kill rate to reach; 0.95 by default.
  ///   - listsOnly: Count the mutants without running them; `false` by default.
  public init(
    exercise: String? = nil, sample: Int? = nil, seed: UInt64 = 1, threshold: Double = 0.95,
    listsOnly: Bool = false
  ) {
    self.exercise = exercise
    self.sample = sample
    self.seed = seed
    self.threshold = threshold
    self.listsOnly = listsOnly
  }
}
