import PruningCore
import Testing

@Suite("Mask")
struct MaskTests {
  @Test("Counts, sparsity and density follow the kept flags")
  func counts() throws {
    let m = try Mask(shape: [4], isKept: [false, false, true, true])
    #expect(m.keptCount == 2)
    #expect(m.prunedCount == 2)
    #expect(m.sparsity == 0.5)
    #expect(m.density == 0.5)
    #expect(m.count == 4)
    #expect(m.rank == 1)
    let three = Mask([true, false, false])
    #expect(three.sparsity == 2.0 / 3.0)
  }

  @Test("An empty mask has sparsity 0 and density 1")
  func empty() throws {
    let m = try Mask(shape: [0, 3], isKept: [])
    #expect(m.sparsity == 0)
    #expect(m.density == 1)
    #expect(try Mask(shape: [0], isKept: []).picture() == "(empty mask, shape [0])")
    #expect(m.picture() == "(empty mask, shape [0, 3])")
  }

  @Test("Keep-all and keep-none masks fill every flag")
  func filled() throws {
    let all = try Mask(shape: [2, 3])
    #expect(all.keptCount == 6)
    let none = try Mask(keeping: false, shape: [2, 3])
    #expect(none.keptCount == 0)
    #expect(none.sparsity == 1)
  }

  @Test("Subscripts read and write row-major flags")
  func subscripts() throws {
    var m = try Mask(shape: [2, 2])
    m[1, 0] = false
    #expect(m[flat: 2] == false)
    m[flat: 0] = false
    #expect(m.isKept == [false, true, false, true])
    #expect(try m.reshaped(to: [4]).shape == [4])
  }

  @Test("Pictures draw kept as █ and pruned as ·, a row a line")
  func pictures() throws {
    let m = try Mask(shape: [2, 3], isKept: [true, false, true, false, false, true])
    #expect(m.picture() == "█·█\n··█")
    #expect(m.description == m.picture())
    let tall = try Mask(shape: [5, 1])
    #expect(tall.picture(maxRows: 2) == "█\n█\n… 3 more rows")
  }

  @Test("Flags that do not fit the shape throw the exact error")
  func badShapes() throws {
    #expect(throws: PruningError.invalidShape(shape: [2, 2], scalarCount: 3)) {
      try Mask(shape: [2, 2], isKept: [true, true, false])
    }
    #expect(throws: PruningError.invalidShape(shape: [-2], scalarCount: 0)) {
      try Mask(shape: [-2])
    }
    #expect(throws: PruningError.invalidShape(shape: [3], scalarCount: 4)) {
      try Mask([true, true, true, true]).reshaped(to: [3])
    }
  }
}
