import ArgumentParser
import KMapCompose
import KMapLoader
import KMapRender

/// `kmap themes`: list the built-in themes, or print one to copy and edit.
struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the built-in themes, or print one as YAML to copy and edit.",
        discussion: """
            Examples:
              kmap themes
              kmap themes wikipedia > my-theme.yaml     then edit it and:
              kmap render --day 2016-02-23 --theme my-theme.yaml
            """)

    @Argument(help: "A built-in theme to print.")
    var name: String?

    func run() throws {
        try reportingErrors {
            guard let name else {
                Console.out(ThemeLoader.builtinNames.joined(separator: "\n") + "\n")
                return
            }
            Console.out(try ThemeLoader.builtinYAML(name))
        }
    }
}
