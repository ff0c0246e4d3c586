import ArgumentParser
import ArxivFormats
import Recommender

/// `--threshold`, `--include`, `--exclude`, `--category` of `shortlist` and `daily`: the same keys as
/// `config.json`'s steering (``SteeringConfig``), which they override key by key.
struct SteeringOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The score a paper needs: auto (learned from the profile's own scores; the default), off, or a score such as 0.05.",
        valueName: "auto|off|score"))
    var threshold: String?

    @Option(name: .long, help: ArgumentHelp(
        "Keep only papers whose title or abstract has this word or phrase (repeatable: any of them).", valueName: "term"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Drop papers whose title or abstract has this word or phrase (repeatable).", valueName: "term"))
    var exclude: [String] = []

    @Option(name: .customLong("category"), help: ArgumentHelp(
        "Keep only papers listed in this category (cs.CL) or archive (cs) (repeatable).", valueName: "category"))
    var categories: [String] = []

    func validate() throws {
        if let threshold, ThresholdSetting(threshold) == nil {
            throw ValidationError("--threshold '\(EchoedInput.shortened(threshold))' is not \(ThresholdSetting.expected)")
        }
        for term in include + exclude where KeywordTerm(term) == nil {
            throw ValidationError("'\(EchoedInput.shortened(term))' has no letter or digit: give --include/--exclude a word or phrase")
        }
        for category in categories where !SteeringOptions.isCategory(category) {
            throw ValidationError("--category '\(EchoedInput.shortened(category))' is not an arXiv category like cs.CL or an archive like cs")
        }
    }

    /// `cs.CL`, `hep-th`, `cs`: letters and `-`, with at most one `.` followed by letters.
    static func isCategory(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1 ... 2).contains(parts.count) && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
        }
    }

    /// The options as a steering config: only what was given, so that it overrides only that.
    var config: SteeringConfig {
        SteeringConfig(
            threshold: threshold.flatMap(ThresholdSetting.init),
            include: include.isEmpty ? nil : include.compactMap(KeywordTerm.init),
            exclude: exclude.isEmpty ? nil : exclude.compactMap(KeywordTerm.init),
            categories: categories.isEmpty ? nil : categories)
    }
}
