import KitEngine
import KitSupport
import Testing

@Suite("Parsing the kit's command line")
struct KitInvocationTests {
  @Test("No arguments is the board")
  func bare() throws {
    #expect(try KitInvocation.parse([]) == KitInvocation(.status))
    #expect(try KitInvocation.parse(["status"]) == KitInvocation(.status))
  }

  @Test("Each command takes its operands, and options go anywhere")
  func commands() throws {
    #expect(try KitInvocation.parse(["check", "weight"]).command == .check("weight"))
    #expect(try KitInvocation.parse(["hint", "01"]).command == .hint("01", level: nil))
    #expect(try KitInvocation.parse(["hint", "01", "2"]).command == .hint("01", level: 2))
    #expect(
      try KitInvocation.parse(["solution", "--diff", "1"]).command == .solution("1", diff: true))
    #expect(
      try KitInvocation.parse(["reset", "--all", "-y"])
        == KitInvocation(.reset(nil), assumesYes: true))
    #expect(try KitInvocation.parse(["reset", "sparse"]).command == .reset("sparse"))
    #expect(try KitInvocation.parse(["verify"]).command == .verify)
    #expect(try KitInvocation.parse(["--help"]).command == .help)
    let timed = try KitInvocation.parse(["--timeout", "2.5", "status", "--package-path", "/k"])
    #expect(timed == KitInvocation(.status, packagePath: "/k", timeout: 2.5))
  }

  @Test(
    "Bad command lines are usage errors",
    arguments: [
      ["frobnicate"], ["check"], ["check", "a", "b"], ["hint", "a", "zero"], ["hint", "a", "0"],
      ["reset"], ["reset", "a", "--all"], ["status", "--diff"], ["check", "a", "--all"],
      ["--timeout"], ["--timeout", "-3"], ["--colour"], ["verify", "now"],
    ])
  func usageErrors(arguments: [String]) {
    #expect {
      _ = try KitInvocation.parse(arguments)
    } throws: { error in
      (error as? KitError)?.isUsageError == true
    }
  }

  @Test(
    "An option at the end without its value names the option",
    arguments: [
      ["status", "--timeout"], ["verify", "--mutants", "--exercise"],
      ["verify", "--mutants", "--sample"], ["--package-path"], ["interview", "--minutes"],
      ["interview", "--seed", "3", "--lang"],
    ])
  func missingValue(arguments: [String]) {
    #expect(throws: KitError.usage("\(arguments.last ?? "") needs a value")) {
      _ = try KitInvocation.parse(arguments)
    }
  }

  @Test("An option's value is the next argument, even when it looks like a command or option")
  func valueIsTheNextArgument() throws {
    let invocation = try KitInvocation.parse(["--package-path", "check", "status"])
    #expect(invocation == KitInvocation(.status, packagePath: "check"))
    let interview = try KitInvocation.parse(["interview", "--topic", "nm", "--seed", "9"])
    #expect(interview.command == .interview(InterviewOptions(seed: 9, topics: ["nm"])))
  }

  @Test("The usage text names every command and the exit codes, and wraps under its columns")
  func usage() {
    let text = KitInvocation.usage(command: "swift run kit")
    for word in [
      "status", "check NAME", "hint NAME [LEVEL]", "solution NAME", "reset NAME", "verify", "64",
    ] {
      #expect(text.contains(word), "missing \(word)")
    }
    for width in [100, 80, 60, 48] {
      for line in TextLayout.wrapLines(text, width: width).split(separator: "\n") {
        let indent = line.prefix { $0 == " " }.count
        #expect(line.count <= width, "\(line.count) columns at \(width): \(line)")
        #expect([0, 2, 24].contains(indent), "indented \(indent) at \(width): \(line)")
      }
    }
  }
}
