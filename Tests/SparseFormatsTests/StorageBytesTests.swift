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

@Suite("Storage bytes and the break-even density")
struct StorageBytesTests {
  @Test("1000×1000 float32/int32: CSR is smaller at 499,499 non-zeros and larger at 499,500")
  func breakEvenExample() throws {
    try expectEqual(
      denseBytes(rows: 1000, columns: 1000), 4_000_000, "denseBytes(rows: 1000, columns: 1000)")
    try expectEqual(
      storageBytes(.csr, rows: 1000, columns: 1000, nonZeros: 499_499), 3_999_996,
      "storageBytes(.csr, rows: 1000, columns: 1000, nonZeros: 499_499)")
    try expectEqual(
      storageBytes(.csr, rows: 1000, columns: 1000, nonZeros: 499_500), 4_000_004,
      "storageBytes(.csr, rows: 1000, columns: 1000, nonZeros: 499_500)")
    try expectEqual(
      breakEvenNonZeros(.csr, rows: 1000, columns: 1000), 499_499,
      "breakEvenNonZeros(.csr, rows: 1000, columns: 1000)")
  }

  @Test("The worked 3×4 example in every format")
  func smallExample() throws {
    try expectEqual(denseBytes(rows: 3, columns: 4), 48, "denseBytes(rows: 3, columns: 4)")
    try expectEqual(
      storageBytes(.coo, rows: 3, columns: 4, nonZeros: 3), 36,
      "storageBytes(.coo, rows: 3, columns: 4, nonZeros: 3)")
    try expectEqual(
      storageBytes(.csr, rows: 3, columns: 4, nonZeros: 3), 40,
      "storageBytes(.csr, rows: 3, columns: 4, nonZeros: 3)")
    try expectEqual(
      storageBytes(.csc, rows: 3, columns: 4, nonZeros: 3), 44,
      "storageBytes(.csc, rows: 3, columns: 4, nonZeros: 3)")
    // COO 3×3: 12 B per entry against 36 B dense, so 3 entries tie and only 2 are smaller.
    try expectEqual(
      breakEvenNonZeros(.coo, rows: 3, columns: 3), 2,
      "breakEvenNonZeros(.coo, rows: 3, columns: 3)")
  }

  @Test("Other widths: fp16 values, int64 indices")
  func otherWidths() throws {
    try expectEqual(
      denseBytes(rows: 10, columns: 10, valueBytes: 2), 200,
      "denseBytes(rows: 10, columns: 10, valueBytes: 2)")
    #expect(
      try storageBytes(.csr, rows: 10, columns: 10, nonZeros: 7, valueBytes: 2, indexBytes: 8)
        == 7 * 10 + 11 * 8)
    #expect(
      try storageBytes(.coo, rows: 10, columns: 10, nonZeros: 7, valueBytes: 4, indexBytes: 8)
        == 7 * 20)
    try expectEqual(
      breakEvenNonZeros(.csr, rows: 1000, columns: 1000, indexBytes: 8), 332_665,
      "breakEvenNonZeros(.csr, rows: 1000, columns: 1000, indexBytes: 8)")
    try expectEqual(
      breakEvenNonZeros(.coo, rows: 1000, columns: 1000), 333_333,
      "breakEvenNonZeros(.coo, rows: 1000, columns: 1000)")
    try expectEqual(
      breakEvenNonZeros(.csr, rows: 1000, columns: 1000, valueBytes: 2), 332_665,
      "breakEvenNonZeros(.csr, rows: 1000, columns: 1000, valueBytes: 2)")
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
      #expect(
        try storageBytes(
          format, rows: rows, columns: columns, nonZeros: nonZeros, valueBytes: v, indexBytes: i)
          == oracleBytes(format, rows: rows, columns: columns, nonZeros: nonZeros, v: v, i: i),
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
