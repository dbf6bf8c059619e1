import BenchKit
import Testing

@Suite("Number formatting")
struct FormatTests {
  @Test(
    "Durations get three significant digits and a unit",
    arguments: [
      (812.0, "812 ns"), (3_410.0, "3.41 µs"), (12_345_678.0, "12.3 ms"),
      (1_250_000_000.0, "1.25 s"), (999.0, "999 ns"), (1_000.0, "1.00 µs"),
    ])
  func duration(nanoseconds: Double, expected: String) {
    #expect(Format.duration(nanoseconds: nanoseconds) == expected)
  }

  @Test(
    "Percentages drop a zero decimal and keep a real one",
    arguments: [(0.9, "90 %"), (0.995, "99.5 %"), (0.5, "50 %"), (0.999, "99.9 %"), (0, "0 %")])
  func percent(fraction: Double, expected: String) {
    #expect(Format.percent(fraction) == expected)
  }

  @Test("A percentage with fixed decimals rounds to them")
  func percentDigits() {
    #expect(Format.percent(0.8567, digits: 0) == "86 %")
    #expect(Format.percent(0.8567, digits: 1) == "85.7 %")
  }

  @Test(
    "Counts get thousands separators",
    arguments: [
      (0, "0"), (999, "999"), (1_000, "1,000"), (10_000_000, "10,000,000"), (-12_345, "-12,345"),
    ])
  func count(value: Int, expected: String) {
    #expect(Format.count(value) == expected)
  }

  @Test(
    "Byte sizes use binary units with one decimal",
    arguments: [
      (512, "512 B"), (4_096, "4.0 KiB"), (67_108_864, "64.0 MiB"), (1_572_864, "1.5 MiB"),
    ])
  func bytes(value: Int, expected: String) {
    #expect(Format.bytes(value) == expected)
  }

  @Test("Speed-ups read as multiples")
  func speedUp() {
    #expect(Format.speedUp(0.523) == "0.52×")
    #expect(Format.speedUp(12.34) == "12.3×")
    #expect(Format.speedUp(128) == "128×")
  }
}
