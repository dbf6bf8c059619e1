import DynamicPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("The pruning gate (PruningGate)")
struct PruningGateTests {
  @Test("Steps 0…1000 every 100 open the gate exactly 11 times, ends included")
  func elevenSteps() throws {
    let gate = try PruningGate(beginStep: 0, endStep: 1000, frequency: 100)
    let open = try (-50...1500).filter { try gate.shouldPrune(atStep: $0) }
    #expect(open == Array(stride(from: 0, through: 1000, by: 100)))
    #expect(open.count == 11)
  }

  @Test("The grid is counted from the begin step, not from 0")
  func countedFromBegin() throws {
    let gate = try PruningGate(beginStep: 50, endStep: 400, frequency: 100)
    try expectEqual(gate.shouldPrune(atStep: 50), true, "gate.shouldPrune(atStep: 50)")
    try expectEqual(gate.shouldPrune(atStep: 150), true, "gate.shouldPrune(atStep: 150)")
    try expectEqual(gate.shouldPrune(atStep: 100), false, "gate.shouldPrune(atStep: 100)")
    try expectEqual(gate.shouldPrune(atStep: 0), false, "gate.shouldPrune(atStep: 0)")
    try expectEqual(gate.shouldPrune(atStep: 450), false, "gate.shouldPrune(atStep: 450)")
  }

  @Test("End step −1 never stops pruning")
  func neverStops() throws {
    let gate = try PruningGate(beginStep: 20, endStep: -1, frequency: 10)
    try expectEqual(gate.shouldPrune(atStep: 20), true, "gate.shouldPrune(atStep: 20)")
    try expectEqual(
      gate.shouldPrune(atStep: 1_000_000), true, "gate.shouldPrune(atStep: 1_000_000)")
    try expectEqual(
      gate.shouldPrune(atStep: 1_000_005), false, "gate.shouldPrune(atStep: 1_000_005)")
    try expectEqual(gate.shouldPrune(atStep: 10), false, "gate.shouldPrune(atStep: 10)")
  }

  @Test("Defaults are TensorFlow's: end −1, every 100 steps")
  func defaults() throws {
    let gate = try PruningGate(beginStep: 0)
    #expect(gate.endStep == -1 && gate.frequency == 100)
    try expectEqual(gate.shouldPrune(atStep: 123_400), true, "gate.shouldPrune(atStep: 123_400)")
    try expectEqual(gate.shouldPrune(atStep: 123_450), false, "gate.shouldPrune(atStep: 123_450)")
  }

  @Test("A single-step range and frequency 1 behave at the edges")
  func edges() throws {
    let single = try PruningGate(beginStep: 7, endStep: 7, frequency: 3)
    try expectEqual(
      (0...20).filter { try single.shouldPrune(atStep: $0) }, [7],
      "(0...20).filter { try single.shouldPrune(atStep: $0) }")
    let every = try PruningGate(beginStep: 2, endStep: 5, frequency: 1)
    try expectEqual(
      (0...8).filter { try every.shouldPrune(atStep: $0) }, [2, 3, 4, 5],
      "(0...8).filter { try every.shouldPrune(atStep: $0) }")
    let offGrid = try PruningGate(beginStep: 0, endStep: 250, frequency: 100)
    try expectEqual(
      (0...300).filter { try offGrid.shouldPrune(atStep: $0) }, [0, 100, 200],
      "(0...300).filter { try offGrid.shouldPrune(atStep: $0) }")
  }

  @Test("Random gates open at exactly the steps of an enumerated grid", arguments: RandomData.seeds)
  func randomGates(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let begin = generator.nextInt(below: 60)
    let end = generator.nextInt(below: 3) == 0 ? -1 : begin + generator.nextInt(below: 200)
    let frequency = 1 + generator.nextInt(below: 25)
    let gate = try PruningGate(beginStep: begin, endStep: end, frequency: frequency)
    let expected = Oracle.gateSteps(begin: begin, end: end, frequency: frequency, upTo: 400)
    for step in -5...400 {
      try expectEqual(
        gate.shouldPrune(atStep: step), expected.contains(step),
        "gate.shouldPrune(atStep: step)",
        "begin \(begin), end \(end), frequency \(frequency), step \(step)")
    }
  }

  @Test("Bad steps and frequencies throw the exact error, steps checked first")
  func validation() throws {
    #expect(throws: PruningError.invalidStepRange(begin: -1, end: -1)) {
      try PruningGate(beginStep: -1)
    }
    #expect(throws: PruningError.invalidStepRange(begin: 100, end: 50)) {
      try PruningGate(beginStep: 100, endStep: 50, frequency: 10)
    }
    #expect(throws: PruningError.invalidStepRange(begin: 0, end: -2)) {
      try PruningGate(beginStep: 0, endStep: -2, frequency: 10)
    }
    #expect(throws: PruningError.invalidFrequency(0)) {
      try PruningGate(beginStep: 0, endStep: 10, frequency: 0)
    }
    #expect(throws: PruningError.invalidFrequency(-5)) {
      try PruningGate(beginStep: 0, endStep: -1, frequency: -5)
    }
    #expect(throws: PruningError.invalidStepRange(begin: 5, end: 1)) {
      try PruningGate(beginStep: 5, endStep: 1, frequency: 0)
    }
    let gate = try PruningGate(beginStep: 3, endStep: 3, frequency: 1)
    #expect((gate.beginStep, gate.endStep, gate.frequency) == (3, 3, 1))
  }
}
