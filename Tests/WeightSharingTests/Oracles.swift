import Foundation
import PruningCore

/// Independent reference answers the property tests compare against: plain, slow and obvious.
enum Oracle {
  /// The nearest centroid by brute force; the first (lowest) index wins a tie.
  static func nearest(_ value: Float, _ centroids: [Float]) -> Int {
    var best = 0
    for j in centroids.indices where abs(value - centroids[j]) < abs(value - centroids[best]) {
      best = j
    }
    return best
  }

  /// `k` evenly spaced values from `low` to `high` (the midpoint for `k = 1`), in `Double`.
  static func linearCentroids(_ low: Float, _ high: Float, _ k: Int) -> [Float] {
    guard k > 1 else { return [Float((Double(low) + Double(high)) / 2)] }
    return (0..<k).map { j in
      Float(Double(low) + (Double(high) - Double(low)) * Double(j) / Double(k - 1))
    }
  }

  /// Lloyd's algorithm exactly as documented, with a brute-force assignment and direct means.
  static func kMeans(_ values: [Float], k: Int, maxIterations: Int = 100) -> (
    centroids: [Float], codes: [Int]
  ) {
    let low = values.min() ?? 0
    let high = values.max() ?? 0
    var centroids = linearCentroids(low, high, k)
    var codes = values.map { nearest($0, centroids) }
    var iteration = 0
    while iteration < maxIterations {
      iteration += 1
      for j in 0..<k {
        let members = values.indices.filter { codes[$0] == j }.map { Double(values[$0]) }
        if !members.isEmpty {
          centroids[j] = Float(members.reduce(0, +) / Double(members.count))
        }
      }
      let next = values.map { nearest($0, centroids) }
      if next == codes { break }
      codes = next
    }
    return (centroids, codes)
  }

  /// Huffman's algorithm by re-sorting a list after every merge.
  static func huffmanTotalBits(_ frequencies: [Int]) -> Int {
    var nodes = frequencies.filter { $0 > 0 }
    if nodes.count == 1 { return nodes[0] }
    var total = 0
    while nodes.count > 1 {
      nodes.sort()
      let merged = nodes[0] + nodes[1]
      total += merged
      nodes = [merged] + nodes.dropFirst(2)
    }
    return total
  }

  /// Relative indices by walking every position from 0 to the last non-zero, one at a time.
  ///
  /// A zero met after `2^bits − 1` skipped zeros becomes a filler.
  static func relativeIndices(_ positions: [Int], bits: Int) -> (codes: [Int], isFiller: [Bool]) {
    let largest = (1 << bits) - 1
    let nonZeros = Set(positions)
    var codes: [Int] = []
    var isFiller: [Bool] = []
    var skipped = 0
    for position in 0...(positions.last ?? -1) {
      if nonZeros.contains(position) {
        codes.append(skipped)
        isFiller.append(false)
        skipped = 0
      } else if skipped == largest {
        codes.append(largest)
        isFiller.append(true)
        skipped = 0
      } else {
        skipped += 1
      }
    }
    return (codes, isFiller)
  }

  /// `⌈log2 k⌉` from floating point (exact for the powers of two that matter).
  static func bitsPerCode(_ k: Int) -> Int {
    Int(Foundation.log2(Double(k)).rounded(.up))
  }

  /// Deep Compression's ratio `n·b / (n·⌈log2 k⌉ + k·b)`.
  static func sharingRatio(n: Int, b: Int, k: Int) -> Double {
    Double(n * b) / Double(n * bitsPerCode(k) + k * b)
  }
}
