import ArgumentParser
import ArxivFormats
import Library

/// `--profile NAME`: ratings and shortlists belong to a named profile (a topic); `default` when omitted.
struct ProfileOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The profile (a named set of ratings): 1–64 letters, digits, '-', '_' or '.'.", valueName: "name"))
    var profile: String = Library.defaultProfile

    /// The library's one rule for profile names (`config.json`'s `profiles` are checked by it too).
    func validate() throws {
        do { try Library.validateProfileName(profile) } catch { throw ValidationError(error.description) }
    }
}
