import DynamicPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Constant sparsity (ConstantSparsity)")
struct ConstantSparsityTests {
  @Test("The target at every step, before the begin step too; the gate decides when")
  func constant() throws {
    let schedule = try ConstantSparsity(targetSparsity: 0.5, beginStep: 2000)
    for step in [-1, 0, 1999, 2000, 2050, 9900, 1_000_000] {
      try expectEqual(schedule.sparsity(atStep: step), 0.5, "schedule.sparsity(atStep: step)")
    }
    try expectEqual(schedule.shouldPrune(atStep: 0), false, "schedule.shouldPrune(atStep: 0)")
    try expectEqual(schedule.shouldPrune(atStep: 2000), true, "schedule.shouldPrune(atStep: 2000)")
    try expectEqual(schedule.shouldPrune(atStep: 2050), false, "schedule.shouldPrune(atStep: 2050)")
    try expectEqual(schedule.shouldPrune(atStep: 9900), true, "schedule.shouldPrune(atStep: 9900)")
  }

  @Test("Defaults are TensorFlow's: begin 0, end −1, every 100 steps")
  func defaults() throws {
    let schedule = try ConstantSparsity(targetSparsity: 0.3)
    #expect((schedule.beginStep, schedule.endStep, schedule.frequency) == (0, -1, 100))
    try expectEqual(schedule.shouldPrune(atStep: 0), true, "schedule.shouldPrune(atStep: 0)")
    try expectEqual(
      schedule.shouldPrune(atStep: 700_000), true, "schedule.shouldPrune(atStep: 700_000)")
    try expectEqual(
      schedule.shouldPrune(atStep: 700_001), false, "schedule.shouldPrune(atStep: 700_001)")
  }

  @Test("A bounded range opens the gate at both ends and not beyond")
  func bounded() throws {
    let schedule = try ConstantSparsity(
      targetSparsity: 0.75, beginStep: 10, endStep: 40, frequency: 15)
    try expectEqual(
      (0...100).filter { try schedule.shouldPrune(atStep: $0) }, [10, 25, 40],
      "(0...100).filter { try schedule.shouldPrune(atStep: $0) }")
    #expect(schedule.targetSparsity == 0.75)
  }

  @Test("The bounds TensorFlow allows: target 0, frequency 1, a range of a single step")
  func bounds() throws {
    let none = try ConstantSparsity(targetSparsity: 0, beginStep: 3, endStep: 3, frequency: 1)
    try expectEqual(none.sparsity(atStep: 3), 0, "target 0: sparsity(atStep: 3)")
    try expectEqual(none.shouldPrune(atStep: 3), true, "begin = end = 3: shouldPrune(atStep: 3)")
    try expectEqual(none.shouldPrune(atStep: 4), false, "begin = end = 3: shouldPrune(atStep: 4)")
    let almostAll = try ConstantSparsity(targetSparsity: 0.999, frequency: 1)
    try expectEqual(almostAll.shouldPrune(atStep: 7), true, "frequency 1: shouldPrune(atStep: 7)")
  }

  @Test("Bad arguments throw the exact error: steps, then frequency, then sparsity")
  func validation() {
    #expect(throws: PruningError.invalidSparsity(1.0)) {
      try ConstantSparsity(targetSparsity: 1.0)
    }
    #expect(throws: PruningError.invalidSparsity(-0.5)) {
      try ConstantSparsity(targetSparsity: -0.5, beginStep: 3)
    }
    #expect(throws: PruningError.invalidStepRange(begin: -1, end: -1)) {
      try ConstantSparsity(targetSparsity: 2, beginStep: -1)
    }
    #expect(throws: PruningError.invalidStepRange(begin: 20, end: 10)) {
      try ConstantSparsity(targetSparsity: 0.5, beginStep: 20, endStep: 10)
    }
    #expect(throws: PruningError.invalidFrequency(0)) {
      try ConstantSparsity(targetSparsity: 7, beginStep: 0, endStep: 10, frequency: 0)
    }
  }
}
