/// What became of one exercise kernel and the baseline it is compared to: the bench's run
/// policy, from the first untimed call to the timings.
public struct KernelTrial<Result> {
  /// The kernel's timing, or why there is none.
  public var kernel: BenchOutcome

  /// The kernel's checked result, when it ran and was right.
  public var result: Result?

  /// The baseline's timing, when the trial had a baseline.
  public var baseline: Timing?
}

extension Harness {
  /// Runs an exercise kernel once untimed and checks its result, then times it, interleaved
  /// with its baseline when it has one.
  ///
  /// The policy every kernel row follows: a kernel is timed only after its result was found
  /// right, so a stub that throws, another error or a wrong answer becomes a row in words and
  /// never a time. When the kernel cannot be timed, its baseline is still timed on its own, so
  /// the learner sees what there is to beat. A timed kernel and its baseline share their rounds
  /// (``measure(_:interleavedWith:)``): the same machine, each warm in its own cache state.
  ///
  /// - Parameters:
  ///   - body: One call of the kernel.
  ///   - check: Returns why a result is wrong, or `nil` when it is right.
  ///   - baseline: One call of the baseline, if the kernel is compared to one.
  ///   - outcome: The row's outcome for an error the kernel throws.
  ///   - willTimeBaselineAlone: Called just before the baseline is timed on its own.
  /// - Returns: The kernel's outcome, its checked result, and the baseline's timing.
  public func trial<Result, Failure: Error>(
    _ body: () throws(Failure) -> Result,
    check: (Result) -> String?,
    baseline: (() -> Void)? = nil,
    outcome: (Failure) -> BenchOutcome,
    willTimeBaselineAlone: () -> Void = {}
  ) -> KernelTrial<Result> {
    var trial = KernelTrial<Result>(kernel: .failed(""), result: nil, baseline: nil)
    do throws(Failure) {
      let result = try body()
      if let problem = check(result) {
        trial.kernel = .wrongResult(problem)
      } else {
        trial.result = result
        if let baseline {
          let timings = try measure { () throws(Failure) in
            blackHole(try body())
          } interleavedWith: {
            baseline()
          }
          trial.kernel = .measured(timings.body)
          trial.baseline = timings.other
        } else {
          trial.kernel = .measured(try measure { () throws(Failure) in blackHole(try body()) })
        }
      }
    } catch {
      trial.kernel = outcome(error)
    }
    if let baseline, trial.baseline == nil {
      willTimeBaselineAlone()
      trial.baseline = measure(baseline)
    }
    return trial
  }
}
