import PruningCore

/// Lays out rows of cells as an aligned plain-text table with a rule under the header.
///
/// Row 0 is the header. Every column is as wide as its widest cell, counted in `Character`s
/// (`String.count`, so `×` and `µ` are one each). Cells of the first column are padded on the
/// right (left-aligned); cells of the other columns are padded on the left (right-aligned, as
/// numbers are). Columns are separated by two spaces. A rule of `-` as wide as each column
/// follows the header. Lines are joined with `"\n"`, with no newline after the last one.
///
/// ```swift
/// try renderTable([["name", "value"], ["a", "1"], ["longer", "22"]])
/// // name    value
/// // ------  -----
/// // a           1
/// // longer     22
/// ```
///
/// - Parameter rows: The header row, then the body rows; every row has the header's cell count.
/// - Returns: The table, one line per row plus the rule.
/// - Throws: `PruningError.emptyInput("rows")` when there is no row;
///   `PruningError.emptyInput("columns")` when the header has no cell;
///   `PruningError.shapeMismatch` (expected `[header count]`, actual `[row count]`) for the
///   first row of another length.
/// - Complexity: O(total characters).
public func renderTable(_ rows: [[String]]) throws(PruningError) -> String {
  // TODO: Validate the rows, measure each column's width in Characters, pad and join the cells, add
  // the rule.
  throw .notImplemented("renderTable(_:)")
}
