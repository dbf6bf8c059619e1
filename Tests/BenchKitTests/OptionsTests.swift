import BenchKit
import Testing

@Suite("Command-line options")
struct OptionsTests {
  @Test("No arguments: every benchmark, full size, text output")
  func defaults() throws {
    guard case .run(let options) = try BenchCommand.parse([]) else {
      Issue.record("expected a run")
      return
    }
    #expect(!options.json)
    #expect(!options.quick)
    #expect(options.groups == BenchGroup.allCases)
    #expect(options.plan == .full)
  }

  @Test("--json, --quick and repeated --only, in either spelling, in run order")
  func flags() throws {
    let command = try BenchCommand.parse(["--only", "csr", "--json", "--only=threshold", "--quick"])
    guard case .run(let options) = command else {
      Issue.record("expected a run")
      return
    }
    #expect(options.json)
    #expect(options.quick)
    #expect(options.plan == .quick)
    #expect(options.groups == [.threshold, .csr])
  }

  @Test(
    "--help or -h anywhere asks for help", arguments: [["--help"], ["-h"], ["--json", "--help"]])
  func help(arguments: [String]) throws {
    #expect(try BenchCommand.parse(arguments) == .help)
  }

  @Test(
    "Bad usage is an error with a message",
    arguments: [
      (["--fast"], "unknown option '--fast'"),
      (["csr"], "unexpected argument 'csr'"),
      (["--only"], "--only needs a benchmark name"),
      (["--only", "gpu"], "unknown benchmark 'gpu'"),
      (["--only="], "unknown benchmark ''"),
    ])
  func badUsage(arguments: [String], message: String) {
    let error = #expect(throws: UsageError.self) { try BenchCommand.parse(arguments) }
    #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
    #expect(error?.description.contains("bench --help") == true)
  }

  @Test("Bad usage exits with status 64 (EX_USAGE)")
  func exitStatus() {
    #expect(UsageError.exitStatus == 64)
  }

  @Test("The usage text lists every option and every benchmark, in lines of 80 columns")
  func usage() {
    let usage = BenchCommand.usage
    for option in ["--quick", "--json", "--only NAME", "--help"] {
      #expect(usage.contains(option))
    }
    for group in BenchGroup.allCases {
      #expect(usage.contains("  \(group.rawValue)  "))
    }
    for line in usage.split(separator: "\n") {
      #expect(line.count <= 80, "\(line.count) columns: \(line)")
    }
  }
}
