import Foundation
import KMapCompose
import KMapModel

/// Why a theme could not be used.
public enum ThemeError: Error, Sendable, CustomStringConvertible {
    case unknown(String, available: [String])
    case unreadable(path: String, reason: String)
    case invalid([Finding])

    public var description: String {
        switch self {
        case .unknown(let name, let available):
            "no theme '\(name)'\(Suggestion.hint(for: name, in: available)); built-in: \(available.joined(separator: ", ")), or give a theme file (.yaml)"
        case .unreadable(let path, let reason): "\(path): cannot read the theme: \(reason)"
        case .invalid(let findings): findings.map(\.description).joined(separator: "\n")
        }
    }
}

/// Reads themes: built-in by name, or a YAML file a user copied and edited.
public enum ThemeLoader {
    public static var builtinNames: [String] { BuiltinThemes.names }

    /// The YAML of a built-in theme, to print for copying.
    public static func builtinYAML(_ name: String) throws(ThemeError) -> String {
        guard let yaml = BuiltinThemes.yaml(name) else { throw .unknown(name, available: BuiltinThemes.names) }
        return yaml + "\n"
    }

    /// The largest theme file read: themes are a page of YAML.
    static let maxFileBytes = 1 << 20

    /// A built-in theme's name, or a path to a theme file.
    ///
    /// - Parameter fonts: the font families installed, when the caller can tell (the renderer asks fontconfig):
    ///   a theme naming another font is refused at its line, rather than drawn in a fallback.
    public static func resolve(_ nameOrPath: String, fonts: [String]? = nil) throws(ThemeError) -> Theme {
        if let yaml = BuiltinThemes.yaml(nameOrPath) {
            return try parse(yaml, name: "built-in theme \(nameOrPath)", fonts: fonts)
        }
        // A name that is neither built in nor an existing file, nor written like a path, is a mistyped name.
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        guard looksLikePath || FileManager.default.fileExists(atPath: nameOrPath) else {
            throw .unknown(nameOrPath, available: BuiltinThemes.names)
        }
        var info = stat()
        guard stat(nameOrPath, &info) == 0 else { throw .unreadable(path: nameOrPath, reason: "no such file") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path: nameOrPath, reason: "a folder stands where a theme file is expected")
        // Reading a pipe or a device could block forever or never end.
        default:
            throw .unreadable(path: nameOrPath, reason: "not a regular file (a pipe or a device); give a theme file")
        }
        guard info.st_size <= Self.maxFileBytes else {
            throw .unreadable(
                path: nameOrPath,
                reason: "\(info.st_size) bytes, larger than a theme can be (\(Self.maxFileBytes >> 10) KiB)")
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            throw .unreadable(path: nameOrPath, reason: "permission denied or I/O error")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadable(path: nameOrPath, reason: "not UTF-8 text")
        }
        return try parse(text, name: nameOrPath, fonts: fonts)
    }

    /// Colour fields a theme may set under `colors`. Key paths are immutable values; the array is never mutated.
    nonisolated(unsafe) static let colorKeys: [(String, WritableKeyPath<Theme, Color>)] = [
        ("background", \.background), ("water", \.water), ("waterOutline", \.waterOutline),
        ("waterLabel", \.waterLabel),
        ("roadCasing", \.roadCasing), ("roadFill", \.roadFill), ("roadCut", \.roadCut), ("ink", \.ink),
        ("mutedInk", \.mutedInk),
        ("halo", \.halo), ("panel", \.panel), ("panelBorder", \.panelBorder), ("routeCut", \.routeCut),
        ("routeCleared", \.routeCleared), ("routeOpen", \.routeOpen), ("changed", \.changed), ("unknown", \.unknown),
    ]

    static func parse(_ text: String, name: String, fonts: [String]? = nil) throws(ThemeError) -> Theme {
        let root: DataNode
        do { root = try DataDocument.parse(text, name: name) } catch { throw .invalid(findings(of: error)) }
        var findings: [Finding] = []
        func fail(_ node: DataNode, _ message: String, warning: Bool = false) {
            findings.append(
                Finding(
                    file: name, line: node.line, column: node.column, severity: warning ? .warning : .error,
                    message: message))
        }
        guard let entries = root.entries else {
            throw .invalid([
                Finding(
                    file: name, line: root.line,
                    message: "a theme is a mapping of keys (name, font, factions, colors); see kmap themes wikipedia")
            ])
        }
        var theme = Theme(name: name)
        func color(_ node: DataNode, _ key: String) -> Color? {
            guard let s = node.scalarText, let c = Color(hex: s), s.count == 7 || s.count == 9 else {
                fail(node, "'\(key)' must be a colour \"#rrggbb\" or \"#rrggbbaa\" (quoted)")
                return nil
            }
            return c
        }
        for entry in entries {
            let node = entry.value
            switch entry.key {
            case "name": theme.name = node.scalarText ?? name
            case "description": break
            case "font":
                guard let family = node.scalarText else {
                    fail(node, "'font' must be a font family name")
                    continue
                }
                if let fonts, !fonts.contains(where: { $0.caseInsensitiveCompare(family) == .orderedSame }) {
                    fail(
                        node,
                        "font '\(family)' is not installed; install it or use one of: \(suggestions(for: family, in: fonts))"
                    )
                }
                theme.fontFamily = family
            case "labelSize":
                guard let v = node.scalarText.flatMap(Double.init), (6...48).contains(v) else {
                    fail(node, "'labelSize' must be a number from 6 to 48")
                    continue
                }
                theme.labelSize = v
            case "zones":
                guard let v = node.scalarText.flatMap(Double.init), v == 0 || (0.5...100).contains(v) else {
                    fail(node, "'zones' must be 0 (no zones) or a radius from 0.5 to 100 km")
                    continue
                }
                theme.zoneRadiusKm = v == 0 ? nil : v
            case "factions":
                guard let factions = node.entries else {
                    fail(node, "'factions' maps faction ids to colours")
                    continue
                }
                for f in factions { if let c = color(f.value, f.key) { theme.factionColors[f.key] = c } }
            case "colors":
                guard let colors = node.entries else {
                    fail(node, "'colors' maps names to colours")
                    continue
                }
                let known = colorKeys.map(\.0)
                for c in colors {
                    guard let path = colorKeys.first(where: { $0.0 == c.key })?.1 else {
                        fail(
                            c.value,
                            "unknown colour '\(c.key)'\(Suggestion.hint(for: c.key, in: known)); known: \(known.joined(separator: ", "))"
                        )
                        continue
                    }
                    if let v = color(c.value, c.key) { theme[keyPath: path] = v }
                }
            default:
                fail(
                    node,
                    "unknown key '\(entry.key)'\(Suggestion.hint(for: entry.key, in: ["name", "description", "font", "labelSize", "zones", "factions", "colors"]))",
                    warning: true)
            }
        }
        if findings.contains(where: { $0.severity == .error }) { throw .invalid(findings) }
        return theme
    }

    /// A few installed families, the closest first.
    static func suggestions(for family: String, in fonts: [String]) -> String {
        let close = Suggestion.closest(to: family, in: fonts).map { [$0] } ?? []
        let common = ["DejaVu Sans", "Noto Sans"].filter { f in
            fonts.contains { $0.caseInsensitiveCompare(f) == .orderedSame }
        }
        return (close + common).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(
            separator: ", ")
    }

    static func findings(of error: CampaignError) -> [Finding] {
        if case .invalid(let f) = error { return f }
        return [Finding(file: "theme", line: nil, message: error.description)]
    }
}
