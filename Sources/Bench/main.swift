import BenchKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// `bench`: times the exercise modules as compiled and prints a table and a chart, or JSON.
// Everything but the wiring lives in BenchKit (tested) and the *Benchmarks.swift files.

let command: BenchCommand
do {
  command = try BenchCommand.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  FileHandle.standardError.write(Data((error.description + "\n").utf8))
  exit(UsageError.exitStatus)
}

switch command {
case .help:
  print(BenchCommand.usage, terminator: "")
case .run(let options):
  HugePages.restartWithTunableIfNeeded()
  let usesSolutions = ProcessInfo.processInfo.environment["KIT_SOLUTIONS"] == "1"
  #if DEBUG
    let configuration = "debug"
  #else
    let configuration = "release"
  #endif
  let sizes = options.quick ? BenchSizes.quick : BenchSizes.full
  let context = BenchContext(
    modules: usesSolutions ? "Solutions/ (KIT_SOLUTIONS=1)" : "Exercises/ (your code)",
    configuration: configuration,
    machine: Machine.describe(),
    sizes: "\(Format.count(sizes.floats)) floats; \(sizes.matrix) × \(sizes.matrix) matrices; "
      + "\(Format.count(sizes.kMeansWeights)) weights for k-means; seeded",
    quick: options.quick)
  var suite = BenchSuite(options: options)
  let report = suite.run(options.groups, context: context, plan: options.plan)
  print(options.json ? report.renderJSON() : report.renderText(), terminator: "")
}
