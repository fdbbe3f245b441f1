import ArgumentParser
import KMapModel

/// `--evidence`: draw or list only states at least this sure.
///
/// `--evidence stated` gives a map of only what the sources state (an "article only" map for Wikipedia);
/// places below the threshold are left out, not recoloured.
struct EvidenceOptions: ParsableArguments {
    enum Level: String, ExpressibleByArgument, CaseIterable {
        case stated, reported, inferred, all
    }

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Show only places whose combined confidence is at least this: stated, reported, inferred or all (unknown too).",
            valueName: "level"))
    var evidence: Level = .all

    /// The state with only the places that pass.
    func apply(_ state: ControlState) -> ControlState {
        switch evidence {
        case .all: state
        case .stated: state.only(.stated)
        case .reported: state.only(.reported)
        case .inferred: state.only(.inferred)
        }
    }
}
