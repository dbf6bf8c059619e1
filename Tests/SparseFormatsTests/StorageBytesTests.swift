import PruningCore
import PruningTestSupport
import SparseFormats
import Testing

/// Bytes per stored entry and fixed bytes, written out from the formula table.
private func oracleBytes(
  _ format: SparseFormat, rows: Int, columns: Int, nonZeros: Int, v: Int, i: Int
) -> Int {
  switch format {
  case .coo: return nonZeros * (v + 2 * i)
  case .csr: return nonZeros * (v + i) + (rows + 1) * i
  case .csc: return nonZeros * (v + i) + (columns + 1) * i
  }
}

/// One worked size from the README's table: a matrix, its entries, the widths (`nil`: the
/// function's default, so the defaults are graded too) and the expected answer.
struct WorkedSize: Sendable, CustomTestStringConvertible {
  var format: SparseFormat
  var rows: Int
  var columns: Int
  var nonZeros = 0
  var valueBytes: Int? = nil
  var indexBytes: Int? = nil
  var expected: Int?

  var testDescription: String {
    "\(format) \(rows)×\(columns), \(nonZeros) non-zeros, "
      + "values \(valueBytes.map { "\($0) B" } ?? "default"), "
      + "indices \(indexBytes.map { "\($0) B" } ?? "default"): "
      + (expected.map(String.init) ?? "nil")
  }

  /// `storageBytes` called with the widths given and the defaults for the others.
  func storageBytes() throws(PruningError) -> Int {
    let (f, r, c, n) = (format, rows, columns, nonZeros)
    switch (valueBytes, indexBytes) {
    case (nil, nil): return try SparseFormats.storageBytes(f, rows: r, columns: c, nonZeros: n)
    case (let v?, nil):
      return try SparseFormats.storageBytes(f, rows: r, columns: c, nonZeros: n, valueBytes: v)
    case (nil, let i?):
      return try SparseFormats.storageBytes(f, rows: r, columns: c, nonZeros: n, indexBytes: i)
    case (let v?, let i?):
      return try SparseFormats.storageBytes(
        f, rows: r, columns: c, nonZeros: n, valueBytes: v, indexBytes: i)
    }
  }

  /// `breakEvenNonZeros` called with the widths given and the defaults for the others.
  func breakEvenNonZeros() throws(PruningError) -> Int? {
    let (f, r, c) = (format, rows, columns)
    switch (valueBytes, indexBytes) {
    case (nil, nil): return try SparseFormats.breakEvenNonZeros(f, rows: r, columns: c)
    case (let v?, nil):
      return try SparseFormats.breakEvenNonZeros(f, rows: r, columns: c, valueBytes: v)
    case (nil, let i?):
      return try SparseFormats.breakEvenNonZeros(f, rows: r, columns: c, indexBytes: i)
    case (let v?, let i?):
      return try SparseFormats.breakEvenNonZeros(
        f, rows: r, columns: c, valueBytes: v, indexBytes: i)
    }
  }
}

@Suite("Storage bytes and the break-even density")
struct StorageBytesTests {
  @Test(
    "Worked dense sizes: 1000×1000 float32 is 4,000,000 B, the 3×4 example 48 B, fp16 halves it",
    arguments: [(1000, 1000, nil, 4_000_000), (3, 4, nil, 48), (10, 10, 2, 200)]
      as [(Int, Int, Int?, Int)])
  func workedDenseBytes(rows: Int, columns: Int, valueBytes: Int?, expected: Int) throws {
    let actual =
      try valueBytes.map { try denseBytes(rows: rows, columns: columns, valueBytes: $0) }
      ?? denseBytes(rows: rows, columns: columns)
    expectEqual(
      actual, expected,
      "denseBytes(rows: \(rows), columns: \(columns), valueBytes: \(valueBytes ?? 4))")
  }

  @Test(
    "Worked sparse sizes: the 3×4 example, CSR either side of break-even, fp16 and int64",
    arguments: [
      WorkedSize(format: .coo, rows: 3, columns: 4, nonZeros: 3, expected: 36),
      WorkedSize(format: .csr, rows: 3, columns: 4, nonZeros: 3, expected: 40),
      WorkedSize(format: .csc, rows: 3, columns: 4, nonZeros: 3, expected: 44),
      WorkedSize(format: .csr, rows: 1000, columns: 1000, nonZeros: 499_499, expected: 3_999_996),
      WorkedSize(format: .csr, rows: 1000, columns: 1000, nonZeros: 499_500, expected: 4_000_004),
      WorkedSize(
        format: .csr, rows: 10, columns: 10, nonZeros: 7, valueBytes: 2, indexBytes: 8,
        expected: 7 * 10 + 11 * 8),
      WorkedSize(
        format: .coo, rows: 10, columns: 10, nonZeros: 7, valueBytes: 4, indexBytes: 8,
        expected: 7 * 20),
    ])
  func workedStorageBytes(_ size: WorkedSize) throws {
    try expectEqual(size.storageBytes(), size.expected, "storageBytes for \(size)")
  }

  @Test(
    "Worked break-even counts: CSR 1000×1000 up to 499,499; COO 3×3 up to 2; wider types lower",
    arguments: [
      WorkedSize(format: .csr, rows: 1000, columns: 1000, expected: 499_499),
      WorkedSize(format: .coo, rows: 3, columns: 3, expected: 2),
      WorkedSize(format: .csr, rows: 1000, columns: 1000, indexBytes: 8, expected: 332_665),
      WorkedSize(format: .coo, rows: 1000, columns: 1000, expected: 333_333),
      WorkedSize(format: .csr, rows: 1000, columns: 1000, valueBytes: 2, expected: 332_665),
    ])
  func workedBreakEvenCounts(_ size: WorkedSize) throws {
    try expectEqual(size.breakEvenNonZeros(), size.expected, "breakEvenNonZeros for \(size)")
  }

  @Test("Random sizes and widths: storage bytes follow the table", arguments: RandomData.seeds)
  func randomBytes(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let rows = generator.nextInt(below: 300)
    let columns = generator.nextInt(below: 300)
    let nonZeros = generator.nextInt(below: rows * columns + 1)
    let v = 1 + generator.nextInt(below: 8)
    let i = 1 + generator.nextInt(below: 8)
    try expectEqual(
      denseBytes(rows: rows, columns: columns, valueBytes: v), rows * columns * v,
      "denseBytes(rows: rows, columns: columns, valueBytes: v)")
    for format in SparseFormat.allCases {
      try expectEqual(
        storageBytes(
          format, rows: rows, columns: columns, nonZeros: nonZeros, valueBytes: v, indexBytes: i),
        oracleBytes(format, rows: rows, columns: columns, nonZeros: nonZeros, v: v, i: i),
        "storageBytes(.\(format), rows: \(rows), columns: \(columns), nonZeros: \(nonZeros), "
          + "valueBytes: \(v), indexBytes: \(i))",
        "\(format)")
    }
  }

  @Test(
    "Random sizes: the break-even count is the last one smaller than dense",
    arguments: RandomData.seeds)
  func randomBreakEven(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let rows = 1 + generator.nextInt(below: 200)
    let columns = 1 + generator.nextInt(below: 200)
    let v = 1 + generator.nextInt(below: 8)
    let i = 1 + generator.nextInt(below: 8)
    let dense = rows * columns * v
    for format in SparseFormat.allCases {
      let count = try breakEvenNonZeros(
        format, rows: rows, columns: columns, valueBytes: v, indexBytes: i)
      let bytes = { (n: Int) in
        oracleBytes(format, rows: rows, columns: columns, nonZeros: n, v: v, i: i)
      }
      if let count {
        #expect(bytes(count) < dense, "\(format) at \(count)")
        #expect(bytes(count + 1) >= dense, "\(format) at \(count + 1)")
      } else {
        #expect(bytes(0) >= dense, "\(format) is smaller than dense when empty")
      }
      let density = try breakEvenDensity(
        format, rows: rows, columns: columns, valueBytes: v, indexBytes: i)
      let exact = max(Double(dense - bytes(0)) / Double(bytes(1) - bytes(0)), 0)
      expectClose(density * Double(rows * columns), exact, tolerance: 1e-9, "\(format)")
    }
  }

  @Test("Break-even densities: CSR ≈ 1/2 with int32 indices, COO 1/3, CSR 1/3 with int64")
  func breakEvenDensities() throws {
    expectClose(try breakEvenDensity(.csr, rows: 1000, columns: 1000), 0.499_499_5)
    expectClose(try breakEvenDensity(.csc, rows: 1000, columns: 1000), 0.499_499_5)
    expectClose(try breakEvenDensity(.coo, rows: 1000, columns: 1000), 1.0 / 3)
    expectClose(
      try breakEvenDensity(.csr, rows: 1000, columns: 1000, indexBytes: 8), 0.332_666,
      tolerance: 1e-6)
  }

  @Test("Formats that never pay off: a 1×1 CSR needs 8 bytes even when empty; empty matrices")
  func neverPaysOff() throws {
    try expectEqual(
      breakEvenNonZeros(.csr, rows: 1, columns: 1), nil,
      "breakEvenNonZeros(.csr, rows: 1, columns: 1)")
    try expectEqual(
      breakEvenDensity(.csr, rows: 1, columns: 1), 0,
      "breakEvenDensity(.csr, rows: 1, columns: 1)")
    try expectEqual(
      breakEvenNonZeros(.coo, rows: 0, columns: 5), nil,
      "breakEvenNonZeros(.coo, rows: 0, columns: 5)")
    try expectEqual(
      breakEvenDensity(.coo, rows: 0, columns: 5), 0,
      "breakEvenDensity(.coo, rows: 0, columns: 5)")
    try expectEqual(
      breakEvenNonZeros(.coo, rows: 1, columns: 1), 0,
      "breakEvenNonZeros(.coo, rows: 1, columns: 1)")
    try expectEqual(
      storageBytes(.csr, rows: 0, columns: 0, nonZeros: 0), 4,
      "storageBytes(.csr, rows: 0, columns: 0, nonZeros: 0)")
  }

  @Test("Empty shapes take no bytes: 0 rows or 0 columns")
  func emptyShapes() throws {
    for (rows, columns) in [(0, 5), (3, 0), (0, 0)] {
      try expectEqual(
        denseBytes(rows: rows, columns: columns), 0,
        "denseBytes(rows: \(rows), columns: \(columns))")
    }
  }

  @Test("A margin of one byte still counts: a 1 × 1 matrix of 1-byte values in COO")
  func oneByteMargin() throws {
    // Dense takes 1 byte; an empty COO matrix 0, and each entry 3 (1 + 2 · 1).
    try expectEqual(
      breakEvenNonZeros(.coo, rows: 1, columns: 1, valueBytes: 1, indexBytes: 1), 0,
      "breakEvenNonZeros(.coo, 1 × 1, 1-byte values and indices)")
    expectClose(
      try breakEvenDensity(.coo, rows: 1, columns: 1, valueBytes: 1, indexBytes: 1), 1.0 / 3)
  }

  @Test("Bad arguments throw: negative sizes, widths below 1, impossible non-zero counts")
  func badArguments() {
    #expect(throws: PruningError.invalidShape(shape: [-1, 3], scalarCount: 0)) {
      try denseBytes(rows: -1, columns: 3)
    }
    #expect(throws: PruningError.invalidShape(shape: [2, -3], scalarCount: 0)) {
      try storageBytes(.coo, rows: 2, columns: -3, nonZeros: 0)
    }
    #expect(throws: PruningError.invalidByteWidth(0)) {
      try denseBytes(rows: 2, columns: 2, valueBytes: 0)
    }
    #expect(throws: PruningError.invalidByteWidth(-4)) {
      try storageBytes(.csr, rows: 2, columns: 2, nonZeros: 1, indexBytes: -4)
    }
    #expect(throws: PruningError.invalidByteWidth(0)) {
      try storageBytes(.csr, rows: 2, columns: 2, nonZeros: 1, indexBytes: 0)
    }
    #expect(throws: PruningError.invalidByteWidth(0)) {
      try breakEvenNonZeros(.csc, rows: 2, columns: 2, valueBytes: 0, indexBytes: -1)
    }
    #expect(throws: PruningError.nonZeroCountOutOfRange(nonZeros: 5, elements: 4)) {
      try storageBytes(.csr, rows: 2, columns: 2, nonZeros: 5)
    }
    #expect(throws: PruningError.nonZeroCountOutOfRange(nonZeros: -1, elements: 4)) {
      try storageBytes(.csc, rows: 2, columns: 2, nonZeros: -1)
    }
    #expect(throws: PruningError.invalidShape(shape: [-2, 2], scalarCount: 0)) {
      try breakEvenDensity(.csr, rows: -2, columns: 2)
    }
  }
}
