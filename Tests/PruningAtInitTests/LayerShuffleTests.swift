import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

@Suite("Shuffling a mask within each layer (shuffledWithinLayers)")
struct LayerShuffleTests {
  @Test("The worked example: each layer keeps its count and shape")
  func workedExample() throws {
    var generator = SplitMix64(seed: 1)
    let masks = try shuffledWithinLayers([mask("██··/····"), mask("█·█")], using: &generator)
    #expect(masks.map(\.shape) == [[2, 4], [3]])
    #expect(masks.map(\.keptCount) == [2, 2])
  }

  @Test(
    "Random masks of different densities: per-layer counts kept, nothing crosses a layer",
    arguments: RandomData.seeds)
  func countsPerLayer(seed: UInt64) throws {
    let model = try Fixture.randomModel(sizes: [12, 20, 8, 4], seed: seed)
    var masks = try Fixture.randomMasks(model, density: 0.2, seed: seed)
    masks[1] = try Fixture.randomMasks(model, density: 0.8, seed: seed &+ 1)[1]
    var generator = SplitMix64(seed: seed)
    let shuffled = try shuffledWithinLayers(masks, using: &generator)
    #expect(shuffled.map(\.shape) == masks.map(\.shape))
    #expect(shuffled.map(\.keptCount) == masks.map(\.keptCount))
    #expect(shuffled != masks, "a shuffle of 240 + 160 + 32 flags moved none of them")
  }

  @Test("Seeded: the same generator state gives the same shuffle, another seed another one")
  func seeded() throws {
    let masks = try Fixture.randomMasks(
      Fixture.randomModel(sizes: [10, 10, 3], seed: 1), density: 0.3, seed: 2)
    var a = SplitMix64(seed: 8)
    var b = SplitMix64(seed: 8)
    var c = SplitMix64(seed: 9)
    let first = try shuffledWithinLayers(masks, using: &a)
    try expectEqual(
      shuffledWithinLayers(masks, using: &b), first,
      "shuffledWithinLayers(masks, using: &b)")
    #expect(try shuffledWithinLayers(masks, using: &c) != first)
  }

  @Test("Uniform: over 400 shuffles every position is kept about as often as any other")
  func uniform() throws {
    var generator = SplitMix64(seed: 12)
    let original = mask("████████/████████/········/········/········/········/········/········")
    var kept = [Int](repeating: 0, count: 64)
    for _ in 0..<400 {
      let masks = try shuffledWithinLayers([original], using: &generator)
      for index in 0..<64 where masks[0].isKept[index] { kept[index] += 1 }
    }
    // Expected 100 each (16 of 64 kept), standard deviation ≈ 8.7.
    let outside = kept.indices.filter { !(60...140).contains(kept[$0]) }
    #expect(
      outside.isEmpty, "positions kept too rarely or too often: \(outside.map { ($0, kept[$0]) })")
  }

  @Test("No masks give no masks; an all-kept or all-pruned layer stays so")
  func edges() throws {
    var generator = SplitMix64(seed: 1)
    #expect(try shuffledWithinLayers([], using: &generator).isEmpty)
    let masks = try shuffledWithinLayers([mask("███/███"), mask("····")], using: &generator)
    #expect(masks == [mask("███/███"), mask("····")])
  }
}
