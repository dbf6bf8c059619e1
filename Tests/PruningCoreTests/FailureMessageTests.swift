import PruningCore
import PruningTestSupport
import Testing

@Suite("The failure messages of the grading helpers")
struct FailureMessageTests {
  /// Runs expectations that must fail and checks the one message they record.
  func expectMessage(_ message: String, of body: () -> Void) {
    withKnownIssue {
      body()
    } matching: { issue in
      issue.comments.map(\.rawValue) == [message]
    }
  }

  @Test("expectClose shows both values and the tolerance, for floats and doubles")
  func scalars() {
    expectMessage("expected 1.5 ± 1e-05, got 1.0\n  (a float)") {
      expectClose(Float(1), 1.5, "a float")
    }
    expectMessage("expected 2.0 ± 0.001, got 2.5") {
      expectClose(Double(2.5), 2, tolerance: 1e-3)
    }
    expectMessage("expected 3.0 ± 1e-09, got 3.0001") {
      expectClose(Double(3.0001), 3)
    }
    expectClose(Float(1e6), 1e6 + 1, "relative for large magnitudes")
  }

  @Test("expectEqual shows the input and both values, or a summary of two arrays")
  func equality() {
    expectMessage("f(1)\n  expected 2\n  actual   3\n  (seeded)") {
      expectEqual(3, 2, "f(1)", "seeded")
    }
    expectMessage(
      "g()\n  1 of 2 positions differ; the first:\n    at [1]: expected 2, got 5\n"
        + "  expected [1, 2]\n  actual   [1, 5]"
    ) {
      expectEqual([1, 5], [1, 2], "g()")
    }
  }

  @Test("A mask difference names its first position in the mask's shape")
  func masks() throws {
    let expected = try Mask(shape: [2, 3], isKept: [true, true, true, true, false, true])
    let actual = try Mask(keeping: true, shape: [2, 3])
    withKnownIssue {
      expectMask(actual, equals: expected)
    } matching: { issue in
      issue.comments.first?.rawValue.hasPrefix(
        "masks differ first at [1, 1]: it should be pruned") == true
    }
  }
}
