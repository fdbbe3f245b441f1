import ArgumentParser
import KMapLoader
import KMapModel

/// `kmap check`: validate a campaign folder and list every problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a campaign: ids, dates, positions, sources, transitions, contradictions.",
        discussion: """
            Prints each finding as file:line:column: severity: message, then a summary. Exits 0 only when the \
            campaign is clean (no errors and no warnings), 65 otherwise.

            Examples:
              kmap check                         the built-in campaign
              kmap check --campaign my-campaign
            """)

    @OptionGroup var campaignOptions: CampaignOptions

    func run() throws {
        try reportingErrors {
            let findings: [Finding]
            var summary = ""
            do {
                let campaign = try campaignOptions.load()
                findings = CampaignChecker.check(campaign)
                summary = [
                    Count.of(campaign.gazetteer.places.count, "place"),
                    Count.of(campaign.gazetteer.roads.count, "road"),
                    Count.of(campaign.timeline.events.count, "event"), Count.of(campaign.info.sources.count, "source"),
                ].joined(separator: ", ")
            } catch CampaignError.invalid(let found) {
                findings = found
            }
            for f in findings { Console.out(f.description + "\n") }
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.count - errors
            if findings.isEmpty {
                Console.out("clean: \(summary)\n")
                return
            }
            Console.out("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
            throw ExitCode(65)
        }
    }
}
