import PruningCore
import Testing

@Suite("Random tensors")
struct TensorRandomTests {
  @Test("PruningCore's SplitMix64 is the shared generator: seed 0 gives the published sequence")
  func sharedGenerator() {
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
  }

  @Test("Random tensors are reproducible from a seed")
  func randomTensors() throws {
    var a = SplitMix64(seed: 2)
    var b = SplitMix64(seed: 2)
    let x = try Tensor.random(shape: [3, 4], in: 0...1, using: &a)
    let y = try Tensor.random(shape: [3, 4], in: 0...1, using: &b)
    #expect(x == y)
    #expect(x.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
    let normal = try Tensor.randomNormal(shape: [2, 2], standardDeviation: 0.1, using: &a)
    #expect(normal.shape == [2, 2])
    #expect(normal.scalars.allSatisfy { abs($0) < 1 })
    #expect(throws: PruningError.invalidShape(shape: [-1], scalarCount: 0)) {
      try Tensor.random(shape: [-1], using: &a)
    }
  }
}
