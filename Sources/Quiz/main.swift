import Foundation
import KitSupport
import QuizEngine

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

signal(SIGPIPE, SIG_IGN)  // a closed pipe ends output quietly instead of killing the process
let status = QuizProgram.run(
  arguments: Array(CommandLine.arguments.dropFirst()),
  environment: ProcessInfo.processInfo.environment,
  console: StandardConsole(),
  willAsk: Interrupt.install(message:))
exit(status)
