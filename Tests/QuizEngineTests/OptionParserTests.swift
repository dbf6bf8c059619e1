import Foundation
import KitSupport
import QuizEngine
import Testing

@Suite("Command-line options")
struct OptionParserTests {
  @Test("parse every option, with separate or attached values")
  func everyOption() throws {
    let options = try OptionParser.parse([
      "--topic", "nm,lottery", "-t", "formats", "--count=5", "--review", "--seed", "42",
      "--lang", "zh", "--no-color", "--state", "/tmp/p.json", "--no-save",
      "--now", "2026-01-31T09:00:00Z",
    ])
    #expect(options.command == .quiz)
    #expect(options.topics == ["nm", "lottery", "formats"])
    #expect(options.count == 5)
    #expect(options.review)
    #expect(options.seed == 42)
    #expect(options.language == .chinese)
    #expect(options.noColor && options.noSave)
    #expect(options.statePath == "/tmp/p.json")
    #expect(options.now == Date(timeIntervalSince1970: 1_769_850_000))
  }

  @Test("parse the commands: lint, --list-topics, --help, --version")
  func commands() throws {
    #expect(try OptionParser.parse(["lint"]).command == .lint)
    #expect(try OptionParser.parse(["--list-topics"]).command == .listTopics)
    #expect(try OptionParser.parse(["-h"]).command == .help)
    #expect(try OptionParser.parse(["--version"]).command == .version)
    #expect(try OptionParser.parse([]) == QuizOptions())
  }

  @Test(
    "reject bad usage with a message",
    arguments: [
      (["--count", "0"], "--count"), (["--count", "x"], "--count"), (["--count"], "needs a value"),
      (["--seed", "-1"], "--seed"), (["--lang", "fr"], "--lang"), (["--bogus"], "unknown option"),
      (["extra"], "unexpected argument"), (["--now", "yesterday"], "ISO 8601"),
      (["--review=yes"], "takes no value"), (["--topic", ","], "--topic"),
    ])
  func rejects(arguments: [String], message: String) {
    #expect {
      try OptionParser.parse(arguments)
    } throws: { error in
      (error as? UsageError)?.message.contains(message) ?? false
    }
  }

  @Test("lowercase topic ids, so --topic Formats means formats")
  func topicCase() throws {
    #expect(try OptionParser.parse(["--topic", "Formats, NM"]).topics == ["formats", "nm"])
  }

  @Test("find the requested language before parsing, for error messages")
  func requestedLanguage() {
    #expect(OptionParser.requestedLanguage(in: ["--count", "x", "--lang", "zh"]) == .chinese)
    #expect(OptionParser.requestedLanguage(in: ["--lang=zh_CN.UTF-8"]) == .chinese)
    #expect(OptionParser.requestedLanguage(in: ["--lang", "zh", "--lang", "en"]) == .english)
    #expect(OptionParser.requestedLanguage(in: ["--lang", "fr"]) == nil)
    #expect(OptionParser.requestedLanguage(in: ["--lang"]) == nil)
  }

  @Test("take the clock from PRUNING_KIT_NOW when --now is absent, and reject a bad one")
  func clockVariable() throws {
    let options = try OptionParser.parse([], environment: ["PRUNING_KIT_NOW": "2026-02-01"])
    #expect(options.now == Date(timeIntervalSince1970: 1_769_904_000))
    let flag = try OptionParser.parse(
      ["--now", "2026-01-31T09:00:00Z"], environment: ["PRUNING_KIT_NOW": "2026-02-01"])
    #expect(flag.now == Date(timeIntervalSince1970: 1_769_850_000))
    #expect(throws: UsageError.self) {
      try OptionParser.parse([], environment: ["PRUNING_KIT_NOW": "soon"])
    }
  }

  @Test("choose Chinese from LC_ALL, LC_MESSAGES or LANG starting with zh, else English")
  func languageFromEnvironment() {
    #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .chinese)
    #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .english)
    #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "zh_TW.UTF-8"]) == .chinese)
    #expect(Language.fromEnvironment(["LC_MESSAGES": "zh", "LANG": "en_GB"]) == .chinese)
    #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .english)
    #expect(Language.fromEnvironment([:]) == .english)
    #expect(Language.fromLocale("zh-Hans") == .chinese)
    #expect(Language.fromLocale("zu_ZA") == .english)
  }

  @Test("turn colour on only for a terminal without NO_COLOR, TERM=dumb or --no-color")
  func colour() {
    let tty = ["TERM": "xterm-256color"]
    #expect(TextStyle.detect(isTerminal: true, environment: tty, noColorFlag: false).usesColor)
    #expect(!TextStyle.detect(isTerminal: false, environment: tty, noColorFlag: false).usesColor)
    #expect(!TextStyle.detect(isTerminal: true, environment: tty, noColorFlag: true).usesColor)
    #expect(
      !TextStyle.detect(isTerminal: true, environment: ["NO_COLOR": "1"], noColorFlag: false)
        .usesColor)
    #expect(
      TextStyle.detect(isTerminal: true, environment: ["NO_COLOR": ""], noColorFlag: false)
        .usesColor)
    #expect(
      !TextStyle.detect(isTerminal: true, environment: ["TERM": "dumb"], noColorFlag: false)
        .usesColor)
  }
}
