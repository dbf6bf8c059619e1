import BenchKit
import PruningCore

#if KIT_HAS_WeightSharing
  import WeightSharing

  extension BenchSuite {
    /// k-means weight sharing to 16 and 256 clusters, with the size of the shared form.
    mutating func runKMeans() {
      let n = sizes.kMeansWeights
      dataDescriptions[.kmeans] =
        "\(Format.count(n)) weights in -1..<1 (\(Format.bytes(n * 4)) as float32); "
        + "bytes = codes at log2(k) bits + float32 codebook"
      let weights = Tensor(BenchData.uniform(count: n, seed: BenchData.kMeansSeed))
      for clusters in [16, 256] {
        let spec = RowSpec(
          group: .kmeans, kernel: "kMeansCodebook(_:clusters:), \(clusters) clusters")
        runner.kernel(
          spec, { () throws(PruningError) in try kMeansCodebook(weights, clusters: clusters) },
          check: { Self.kMeansProblem($0, count: n, clusters: clusters) },
          bytes: { Self.sharedBytes($0) })
      }
    }

    /// The codes packed at ⌈log2 k⌉ bits each, plus the float32 codebook.
    private static func sharedBytes(_ shared: SharedWeights) -> Int {
      let clusters = shared.centroids.count
      let bitsPerCode = clusters > 1 ? Int.bitWidth - (clusters - 1).leadingZeroBitCount : 1
      return (shared.codes.count * bitsPerCode + 7) / 8 + clusters * MemoryLayout<Float>.size
    }

    private static func kMeansProblem(_ shared: SharedWeights, count: Int, clusters: Int)
      -> String?
    {
      guard shared.centroids.count == clusters else {
        return "\(shared.centroids.count) centroids, expected \(clusters)"
      }
      guard shared.codes.count == count else {
        return "\(shared.codes.count) codes, expected \(count)"
      }
      if let code = shared.codes.first(where: { !(0..<clusters).contains($0) }) {
        return "code \(code) is outside 0..<\(clusters)"
      }
      return nil
    }
  }
#else
  extension BenchSuite {
    mutating func runKMeans() {
      runner.notCompiled(
        .kmeans, kernel: "kMeansCodebook(_:clusters:)", module: "WeightSharing")
    }
  }
#endif
