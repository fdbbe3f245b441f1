/// "1 road", "2 roads": a count with its noun in the right number.
///
/// Summaries are read by people; "1 roads" reads as a bug and makes them doubt the rest of the line.
enum Count {
    static func of(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
