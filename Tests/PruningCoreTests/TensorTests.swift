import PruningCore
import Testing

@Suite("Tensor")
struct TensorTests {
  @Test("Elements are stored row-major, the last dimension fastest")
  func rowMajor() throws {
    let t = try Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
    #expect(t[0, 2] == 2)
    #expect(t[1, 0] == 3)
    #expect(t.rank == 2)
    #expect(t.count == 6)
    let cube = try Tensor(shape: [2, 2, 2], scalars: (0..<8).map { Float($0) })
    #expect(cube[1, 0, 1] == 5)
    #expect(cube.flatIndex([1, 1, 0]) == 6)
    #expect(cube.position(ofFlatIndex: 6) == [1, 1, 0])
  }

  @Test("Flat positions round-trip through multi-dimensional positions")
  func positionsRoundTrip() throws {
    let t = try Tensor(zeros: [3, 1, 4, 2])
    for flat in 0..<t.count {
      #expect(t.flatIndex(t.position(ofFlatIndex: flat)) == flat)
    }
  }

  @Test("A shape alone gives positions, as a tensor of that shape does")
  func positionsInAShape() throws {
    #expect(Tensor.position(ofFlatIndex: 4, in: [2, 3]) == [1, 1])
    #expect(Tensor.position(ofFlatIndex: 0, in: []) == [])
    let t = try Tensor(zeros: [2, 3, 2])
    for flat in 0..<t.count {
      #expect(Tensor.position(ofFlatIndex: flat, in: t.shape) == t.position(ofFlatIndex: flat))
    }
  }

  @Test("Initialisers build the shapes they promise")
  func initialisers() throws {
    #expect(Tensor([1, 2, 3]).shape == [3])
    let rows = try Tensor(rows: [[1, 2], [3, 4], [5, 6]])
    #expect(rows.shape == [3, 2])
    #expect(rows.scalars == [1, 2, 3, 4, 5, 6])
    #expect(try Tensor(rows: []).shape == [0, 0])
    let filled = try Tensor(repeating: 0.5, shape: [2, 2])
    #expect(filled.scalars == [0.5, 0.5, 0.5, 0.5])
    #expect(try Tensor(zeros: [0, 3]).isEmpty)
    let scalar = try Tensor(shape: [], scalars: [7])
    #expect(scalar.rank == 0)
    #expect(scalar.count == 1)
  }

  @Test("Shapes that do not fit their elements throw the exact error")
  func badShapes() throws {
    #expect(throws: PruningError.invalidShape(shape: [2, 2], scalarCount: 3)) {
      try Tensor(shape: [2, 2], scalars: [1, 2, 3])
    }
    #expect(throws: PruningError.invalidShape(shape: [-1, 2], scalarCount: 0)) {
      try Tensor(zeros: [-1, 2])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      try Tensor(rows: [[1, 2], [3]])
    }
    #expect(throws: PruningError.invalidShape(shape: [3], scalarCount: 6)) {
      try Tensor([1, 2, 3, 4, 5, 6]).reshaped(to: [3])
    }
    var t = Tensor([1, 2])
    #expect(throws: PruningError.invalidShape(shape: [2], scalarCount: 3)) {
      try t.setScalars([1, 2, 3])
    }
  }

  @Test("Subscripts, map, setScalars and reshaped edit as documented")
  func editing() throws {
    var t = try Tensor(zeros: [2, 2])
    t[1, 0] = 3
    t[flat: 1] = -2
    #expect(t.scalars == [0, -2, 3, 0])
    #expect(t.map { $0 * 2 }.scalars == [0, -4, 6, 0])
    try t.setScalars([4, 3, 2, 1])
    #expect(t.shape == [2, 2])
    #expect(try t.reshaped(to: [4]) == Tensor([4, 3, 2, 1]))
  }

  @Test("validateFinite names the first non-finite element's position and kind")
  func validateFinite() throws {
    try Tensor([1, -2, 0]).validateFinite()
    var t = try Tensor(zeros: [4, 8])
    t[3, 7] = .nan
    #expect(throws: PruningError.nonFiniteWeight(position: [3, 7], kind: .nan)) {
      try t.validateFinite()
    }
    t[0, 1] = -.infinity
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .negativeInfinity)) {
      try t.validateFinite()
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [2], kind: .positiveInfinity)) {
      try Tensor([0, 1, .infinity]).validateFinite()
    }
  }

  @Test("The description draws a matrix a row a line")
  func description() throws {
    let t = try Tensor(rows: [[1, 2], [3, 4]])
    #expect(t.description == "Tensor(shape: [2, 2]\n  1.0, 2.0\n  3.0, 4.0)")
    #expect(Tensor([1]).description == "Tensor(shape: [1], [1.0])")
  }

  @Test("elementCount multiplies the dimensions; a scalar has one element")
  func elementCount() {
    #expect(Tensor.elementCount(of: [2, 3, 4]) == 24)
    #expect(Tensor.elementCount(of: []) == 1)
    #expect(Tensor.elementCount(of: [5, 0]) == 0)
  }

  @Test("Approximate equality accepts small absolute and relative differences only")
  func approximateEquality() {
    #expect(Float(1).isApproximatelyEqual(to: 1.000001))
    #expect(!Float(1).isApproximatelyEqual(to: 1.001))
    #expect(Float(1e6).isApproximatelyEqual(to: 1e6 + 5))
    #expect(Float(0).isApproximatelyEqual(to: 1e-7))
    #expect(!Float.nan.isApproximatelyEqual(to: .nan))
    #expect(Float.infinity.isApproximatelyEqual(to: .infinity))
    #expect(!Float.infinity.isApproximatelyEqual(to: 1e30))
  }
}

@Suite("PruningError descriptions")
struct PruningErrorDescriptionTests {
  @Test(
    "Each error says what was wrong and where",
    arguments: [
      (PruningError.notImplemented("f(_:)"), "f(_:) is not implemented yet"),
      (.invalidAmount(.fraction(1.5)), "pruning amount 1.5 is not a fraction in 0...1"),
      (.invalidAmount(.count(-2)), "pruning count -2 is negative"),
      (.amountExceedsCount(requested: 5, available: 3), "cannot prune 5 of 3 units"),
      (.invalidThreshold(-1), "threshold -1.0 must be finite and not negative"),
      (
        .nonFiniteWeight(position: [3, 7], kind: .nan),
        "weights contain NaN at row 3, column 7"
      ),
      (
        .nonFiniteWeight(position: [4], kind: .positiveInfinity),
        "weights contain +infinity at index 4"
      ),
      (
        .nonFiniteWeight(position: [1, 2, 0], kind: .negativeInfinity),
        "weights contain -infinity at position [1, 2, 0]"
      ),
      (
        .shapeMismatch(expected: [2, 3], actual: [3, 2]),
        "shape mismatch: expected [2, 3], got [3, 2]"
      ),
      (.invalidShape(shape: [2, 2], scalarCount: 3), "shape [2, 2] does not fit 3 elements"),
      (.rankMismatch(expected: 2, actual: [4]), "expected a rank-2 tensor, got shape [4]"),
      (.invalidDimension(dimension: 2, rank: 2), "dimension 2 is out of range for a rank-2 tensor"),
      (.indexOutOfRange(index: 5, count: 4), "index 5 is out of range 0..<4"),
      (.duplicateIndex(2), "index 2 appears more than once"),
      (
        .unexpectedLayer(index: 4, expected: "conv2D or flatten"),
        "layer 4: expected conv2D or flatten"
      ),
      (.emptyInput("layers"), "layers must not be empty"),
      (.invalidArgument("stride must be at least 1, got 0"), "stride must be at least 1, got 0"),
    ])
  func descriptions(error: PruningError, expected: String) {
    #expect(error.description == expected)
  }

  @Test("Non-finite kinds classify floats")
  func nonFiniteKinds() {
    #expect(NonFiniteKind(Float.nan) == .nan)
    #expect(NonFiniteKind(Float.infinity) == .positiveInfinity)
    #expect(NonFiniteKind(-Float.infinity) == .negativeInfinity)
    #expect(NonFiniteKind(Float(1)) == nil)
    #expect(PruningAmount.fraction(0.5).description == ".fraction(0.5)")
    #expect(PruningAmount.count(3).description == ".count(3)")
  }
}
