import DynamicPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Zhu & Gupta's polynomial decay (PolynomialDecay)")
struct PolynomialDecayTests {
  /// The worked schedule: 0 → 0.8 over steps 0…1000.
  static func workedSchedule() throws -> PolynomialDecay {
    try PolynomialDecay(initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: 1000)
  }

  @Test(
    "0 → 0.8 over steps 0…1000, cubic: the worked table",
    arguments: [
      (0, 0.0), (250, 0.4625), (500, 0.7), (750, 0.7875), (1000, 0.8), (1200, 0.8),
      (5000, 0.8),
    ])
  func workedTable(step: Int, expected: Double) throws {
    let schedule = try Self.workedSchedule()
    expectClose(try schedule.sparsity(atStep: step), expected, tolerance: 1e-12)
  }

  @Test("Before the begin step the sparsity is the initial one")
  func beforeBegin() throws {
    let delayed = try PolynomialDecay(
      initialSparsity: 0.5, finalSparsity: 0.8, beginStep: 200, endStep: 600)
    expectClose(try delayed.sparsity(atStep: 100), 0.5, tolerance: 1e-12)
    expectClose(try delayed.sparsity(atStep: -7), 0.5, tolerance: 1e-12)
    expectClose(try delayed.sparsity(atStep: 200), 0.5, tolerance: 1e-12)
    // Halfway: 0.8 + (0.5 − 0.8) · 0.5³ = 0.7625.
    expectClose(try delayed.sparsity(atStep: 400), 0.7625, tolerance: 1e-12)
    try expectEqual(delayed.shouldPrune(atStep: 100), false, "delayed.shouldPrune(atStep: 100)")
  }

  @Test("Zhu & Gupta's example: 0 → 0.9 over ten updates of 100 steps reaches 0.7875 at 500")
  func paperExample() throws {
    let schedule = try PolynomialDecay(
      initialSparsity: 0, finalSparsity: 0.9, beginStep: 0, endStep: 1000, frequency: 100)
    expectClose(try schedule.sparsity(atStep: 500), 0.7875, tolerance: 1e-12)
    expectClose(try schedule.sparsity(atStep: 1000), 0.9, tolerance: 1e-12)
  }

  @Test(
    "The power is the exponent: 1 is linear, 2 quadratic", arguments: [(1.0, 0.2), (2.0, 0.35)])
  func otherPowers(power: Double, expected: Double) throws {
    let schedule = try PolynomialDecay(
      initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: 1000, power: power)
    expectClose(try schedule.sparsity(atStep: 250), expected, tolerance: 1e-12)
    #expect(schedule.power == power)
  }

  @Test("Random schedules match the formula at every step", arguments: RandomData.seeds)
  func randomSchedules(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let initial = generator.nextUnitDouble() * 0.5
    let final = 0.5 + generator.nextUnitDouble() * 0.49
    let begin = generator.nextInt(below: 100)
    let end = begin + 1 + generator.nextInt(below: 300)
    let power = [1.0, 2, 3, 3, 3, 4.5][generator.nextInt(below: 6)]
    let schedule = try PolynomialDecay(
      initialSparsity: initial, finalSparsity: final, beginStep: begin, endStep: end,
      power: power, frequency: 1 + generator.nextInt(below: 20))
    var previous = -1.0
    for step in stride(from: -10, through: end + 50, by: 7) {
      let s = try schedule.sparsity(atStep: step)
      expectClose(
        s,
        Oracle.polynomial(
          step: step, initial: initial, final: final, begin: begin, end: end, power: power),
        tolerance: 1e-12, "step \(step)")
      #expect(s >= previous - 1e-15, "the ramp must not go down (step \(step))")
      previous = s
    }
  }

  @Test("A decreasing schedule is allowed, as in TensorFlow")
  func decreasing() throws {
    let schedule = try PolynomialDecay(
      initialSparsity: 0.8, finalSparsity: 0.2, beginStep: 0, endStep: 100)
    expectClose(try schedule.sparsity(atStep: 50), 0.2 + 0.6 * 0.125, tolerance: 1e-12)
  }

  @Test("The gate opens 11 times over 0…1000 every 100, and never after the end")
  func gate() throws {
    let schedule = try Self.workedSchedule()
    let open = try (-100...3000).filter { try schedule.shouldPrune(atStep: $0) }
    #expect(open == Array(stride(from: 0, through: 1000, by: 100)))
    let offset = try PolynomialDecay(
      initialSparsity: 0, finalSparsity: 0.5, beginStep: 30, endStep: 90, frequency: 20)
    try expectEqual(
      (0...200).filter { try offset.shouldPrune(atStep: $0) }, [30, 50, 70, 90],
      "(0...200).filter { try offset.shouldPrune(atStep: $0) }")
  }

  @Test("Bad steps throw: end −1 (a decay must end), end = begin, end < begin, begin < 0")
  func badSteps() {
    #expect(throws: PruningError.invalidStepRange(begin: 0, end: -1)) {
      try PolynomialDecay(initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: -1)
    }
    #expect(throws: PruningError.invalidStepRange(begin: 100, end: 100)) {
      try PolynomialDecay(initialSparsity: 0, finalSparsity: 0.8, beginStep: 100, endStep: 100)
    }
    #expect(throws: PruningError.invalidStepRange(begin: 100, end: 50)) {
      try PolynomialDecay(initialSparsity: 0, finalSparsity: 0.8, beginStep: 100, endStep: 50)
    }
    #expect(throws: PruningError.invalidStepRange(begin: -10, end: 50)) {
      try PolynomialDecay(initialSparsity: 0, finalSparsity: 0.8, beginStep: -10, endStep: 50)
    }
  }

  @Test("Frequency 1 is allowed: the gate opens at every step from begin to end")
  func everyStep() throws {
    let schedule = try PolynomialDecay(
      initialSparsity: 0.1, finalSparsity: 0.5, beginStep: 4, endStep: 6, frequency: 1)
    for (step, expected) in [(3, false), (4, true), (5, true), (6, true), (7, false)] {
      try expectEqual(
        schedule.shouldPrune(atStep: step), expected, "begin 4, end 6, frequency 1: step \(step)")
    }
  }

  @Test("Bad sparsities, frequency and power throw the exact error, in TensorFlow's order")
  func badValues() {
    #expect(throws: PruningError.invalidSparsity(1.0)) {
      try PolynomialDecay(initialSparsity: 0, finalSparsity: 1.0, beginStep: 0, endStep: 10)
    }
    #expect(throws: PruningError.invalidSparsity(-0.1)) {
      try PolynomialDecay(initialSparsity: -0.1, finalSparsity: 0.5, beginStep: 0, endStep: 10)
    }
    #expect(throws: PruningError.invalidSparsity(1.2)) {
      try PolynomialDecay(initialSparsity: 1.2, finalSparsity: 1.5, beginStep: 0, endStep: 10)
    }
    #expect(throws: PruningError.invalidFrequency(0)) {
      try PolynomialDecay(
        initialSparsity: 1.5, finalSparsity: 0.5, beginStep: 0, endStep: 10, frequency: 0)
    }
    #expect(throws: PruningError.invalidStepRange(begin: 5, end: 5)) {
      try PolynomialDecay(
        initialSparsity: 1.5, finalSparsity: 0.5, beginStep: 5, endStep: 5, frequency: 0)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "power", value: 0)) {
      try PolynomialDecay(
        initialSparsity: 0, finalSparsity: 0.5, beginStep: 0, endStep: 10, power: 0)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "power", value: -.infinity)) {
      try PolynomialDecay(
        initialSparsity: 0, finalSparsity: 0.5, beginStep: 0, endStep: 10, power: -.infinity)
    }
    let error = #expect(throws: PruningError.self) {
      try PolynomialDecay(initialSparsity: .nan, finalSparsity: 0.5, beginStep: 0, endStep: 10)
    }
    guard case .invalidSparsity(let reported) = error, reported.isNaN else {
      Issue.record("expected .invalidSparsity(nan), got \(String(describing: error))")
      return
    }
  }
}
