import DynamicPruning
import PruningCore
import PruningTestSupport
import Testing

/// The capstone on real data: the shipped digits baseline, pruned with your schedule and pruner
/// while it fine-tunes, must reach 90 % weight sparsity and stay within 2 points of the
/// baseline's test accuracy. Seeds are fixed, so the result is the same on every run.
@Suite("Capstone: prune the digits classifier to 90 % while fine-tuning")
struct CapstoneTests {
  @Test("The capstone's schedule is Zhu & Gupta's cubic, 0 → 90 % over steps 0…140")
  func schedule() throws {
    let schedule = try DigitsCapstone.schedule()
    expectClose(try schedule.sparsity(atStep: 70), 0.7875, tolerance: 1e-12)
    expectClose(try schedule.sparsity(atStep: 140), 0.9, tolerance: 1e-12)
    try expectEqual(
      (0...300).filter { try schedule.shouldPrune(atStep: $0) }.count, 15,
      "(0...300).filter { try schedule.shouldPrune(atStep: $0) }.count")
  }

  @Test("90 % of the weights pruned, test accuracy within 2 points of the dense baseline")
  func capstone() throws {
    let (train, test) = try Digits.loadSplit()
    let baseline = try DigitsBaseline.load().model
    let dense = try baseline.evaluate(on: test)
    var epochs: [DigitsCapstone.Progress] = []
    let result = try DigitsCapstone.run(baseline: baseline, train: train) { epochs.append($0) }
    let pruned = try result.model.evaluate(on: test)

    // Sparsity: the masks say 90 %, and the model's weights really are zero there.
    let weights = result.model.weights
    let total = weights.reduce(0) { $0 + $1.count }
    let zeros = weights.reduce(0) { $0 + $1.scalars.filter { $0 == 0 }.count }
    #expect(Double(zeros) / Double(total) >= 0.9, "weight sparsity \(zeros)/\(total)")
    #expect(result.masks.map(\.prunedCount) == [7373, 1152])
    for (tensor, mask) in zip(weights, result.masks) {
      #expect((0..<tensor.count).allSatisfy { mask.isKept[$0] || tensor[flat: $0] == 0 })
    }

    // Accuracy: within 2 points of the dense baseline on the held-out test split.
    let drop = 100 * (dense.accuracy - pruned.accuracy)
    #expect(
      drop <= DigitsCapstone.allowedDrop,
      "dense \(dense.correct)/\(dense.count), pruned \(pruned.correct)/\(pruned.count)")

    // The story: six epochs, sparsity rising to the target and then held.
    #expect(epochs.map(\.epoch) == [1, 2, 3, 4, 5, 6])
    #expect(epochs.map(\.maskUpdates).last == 15)
    #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0.weightSparsity <= $1.weightSparsity })

    // Reproducible: the same seed gives the same model, bit for bit.
    let again = try DigitsCapstone.run(baseline: baseline, train: train)
    #expect(again.model == result.model)
    expectEqual(again.masks, result.masks, "again.masks")
  }
}
