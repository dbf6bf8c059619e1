/// A plain-text table whose columns line up in any monospaced terminal, pipe or file.
///
/// Cells are padded with spaces to the widest cell of their column (counted in characters);
/// two spaces separate columns and no line ends in spaces.
///
/// ```swift
/// var table = TextTable(columns: [.init("kernel"), .init("median", alignment: .right)])
/// table.append(["plain copy", "6.10 ms"])
/// table.render()
/// // kernel       median
/// // plain copy  6.10 ms
/// ```
public struct TextTable: Hashable, Sendable {
  /// Which side of its column a cell sticks to.
  public enum Alignment: Hashable, Sendable {
    /// Text columns.
    case left
    /// Number columns, so units and decimal points line up.
    case right
  }

  /// A column's heading and alignment.
  public struct Column: Hashable, Sendable {
    /// The heading.
    public var title: String

    /// How cells sit in the column.
    public var alignment: Alignment

    /// Creates a column.
    ///
    /// - Parameters:
    ///   - title: The heading.
    ///   - alignment: How cells sit in the column.
    public init(_ title: String, alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  /// The columns, left to right.
  public var columns: [Column]

  /// The rows; each has one cell per column (missing cells are blank, extra ones dropped).
  public var rows: [[String]]

  /// Creates a table.
  ///
  /// - Parameters:
  ///   - columns: The columns, left to right.
  ///   - rows: The rows of cells.
  public init(columns: [Column], rows: [[String]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// Adds a row.
  ///
  /// - Parameter cells: One cell per column.
  public mutating func append(_ cells: [String]) {
    rows.append(cells)
  }

  /// The table as lines: the headings, then one line per row.
  ///
  /// - Parameter indent: Spaces before every line.
  /// - Returns: The lines, without newlines.
  public func lines(indent: Int = 0) -> [String] {
    let padded = rows.map { row in
      columns.indices.map { $0 < row.count ? row[$0] : "" }
    }
    let widths = columns.indices.map { index in
      padded.reduce(columns[index].title.count) { max($0, $1[index].count) }
    }
    let prefix = String(repeating: " ", count: indent)
    return ([columns.map(\.title)] + padded).map { cells in
      let line = columns.indices.map { index in
        pad(cells[index], to: widths[index], alignment: columns[index].alignment)
      }.joined(separator: "  ")
      return prefix + String(line.reversed().drop { $0 == " " }.reversed())
    }
  }

  /// The table as one string, lines joined with newlines (no final newline).
  ///
  /// - Parameter indent: Spaces before every line.
  /// - Returns: The text.
  public func render(indent: Int = 0) -> String {
    lines(indent: indent).joined(separator: "\n")
  }

  private func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
    let padding = String(repeating: " ", count: max(width - text.count, 0))
    return alignment == .left ? text + padding : padding + text
  }
}
