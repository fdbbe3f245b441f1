import KMapModel

/// Collects findings while one campaign loads.
final class Diagnostics {
    private(set) var findings: [Finding] = []

    var hasErrors: Bool { findings.contains { $0.severity == .error } }

    func append(_ finding: Finding) { findings.append(finding) }

    func error(_ file: String, _ node: DataNode?, _ message: String) {
        findings.append(Finding(file: file, line: node?.line, column: node?.column, message: message))
    }

    func error(_ file: String, line: Int?, _ message: String) {
        findings.append(Finding(file: file, line: line, message: message))
    }

    func warning(_ file: String, line: Int?, _ message: String) {
        findings.append(Finding(file: file, line: line, severity: .warning, message: message))
    }
}
