/// What the command line asked for: `bench [--quick] [--json] [--only NAME]... | --help`.
public struct BenchOptions: Hashable, Sendable {
  /// Print JSON instead of the table and chart.
  public var json = false

  /// The smoke run: small data and few repeats, done in seconds.
  public var quick = false

  /// The groups to run, in run order; all of them unless `--only` was given.
  public var groups: [BenchGroup] = BenchGroup.allCases

  /// Creates the default options: every group, full size, text output.
  public init() {}

  /// The timing plan these options call for.
  public var plan: TimingPlan { quick ? .quick : .full }
}

/// A command line `bench` cannot run; the process exits with status 64 (`EX_USAGE`).
public struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What was wrong, e.g. `unknown option '--fast'`.
  public var message: String

  /// Creates an error.
  ///
  /// - Parameter message: What was wrong.
  public init(_ message: String) {
    self.message = message
  }

  /// The message followed by a pointer to `--help`.
  public var description: String {
    "bench: \(message)\nRun 'bench --help' for usage."
  }

  /// The exit status for bad usage (`EX_USAGE` in sysexits.h).
  public static let exitStatus: Int32 = 64
}

/// What the command line asks `bench` to do.
public enum BenchCommand: Hashable, Sendable {
  /// Print the usage text and exit 0.
  case help
  /// Run the benchmarks.
  case run(BenchOptions)

  /// Parses the arguments after the program name.
  ///
  /// `--only` takes one group name (`--only csr` or `--only=csr`) and may be repeated; the
  /// groups then run in their usual order. `--help` (or `-h`) anywhere wins over the rest.
  ///
  /// - Parameter arguments: The arguments, without the program name.
  /// - Returns: The command.
  /// - Throws: ``UsageError`` for an unknown option, a stray argument, or a missing or
  ///   unknown group name.
  public static func parse(_ arguments: [String]) throws(UsageError) -> BenchCommand {
    if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) { return .help }
    var options = BenchOptions()
    var only: Set<BenchGroup> = []
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "--json":
        options.json = true
      case "--quick":
        options.quick = true
      case "--only":
        guard let name = remaining.popFirst() else {
          throw UsageError("--only needs a benchmark name: \(groupNames)")
        }
        only.insert(try group(named: name))
      case _ where argument.hasPrefix("--only="):
        only.insert(try group(named: String(argument.dropFirst("--only=".count))))
      case _ where argument.hasPrefix("-"):
        throw UsageError("unknown option '\(argument)'")
      default:
        throw UsageError("unexpected argument '\(argument)'")
      }
    }
    if !only.isEmpty {
      options.groups = BenchGroup.allCases.filter(only.contains)
    }
    return .run(options)
  }

  /// The text `--help` prints.
  public static var usage: String {
    let nameWidth = BenchGroup.allCases.map(\.rawValue.count).max() ?? 0
    let groups = BenchGroup.allCases.map { group in
      "  \(group.rawValue)" + String(repeating: " ", count: nameWidth - group.rawValue.count + 2)
        + group.summary
    }
    return """
      Usage: swift run -c release bench [--quick] [--json] [--only NAME]...

      Times the exercise modules as compiled: your code in Exercises/ by default,
      the reference with KIT_SOLUTIONS=1. Each kernel's result is checked before it
      is timed; unfinished exercises show "not implemented" rows.

      Options:
        --quick       small data and few repeats: a smoke run of a few seconds
        --json        print JSON instead of the table and chart
        --only NAME   run only this benchmark (repeatable)
        -h, --help    print this help

      Benchmarks:
      \(groups.joined(separator: "\n"))

      Exit status: 0 when the run finished, 64 for bad usage.

      """
  }

  private static var groupNames: String {
    BenchGroup.allCases.map(\.rawValue).joined(separator: ", ")
  }

  private static func group(named name: String) throws(UsageError) -> BenchGroup {
    guard let group = BenchGroup(rawValue: name) else {
      throw UsageError("unknown benchmark '\(name)'; choose from \(groupNames)")
    }
    return group
  }
}
