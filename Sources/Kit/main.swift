// The `kit` executable: progress, hints, solutions, reset and verify for the exercises.
// Everything it does lives in KitEngine; this file only hands over the command line.
import Foundation
import KitEngine

KitInterrupt.install()
let status = KitApp().run(Array(CommandLine.arguments.dropFirst()))
exit(status)
