import ArgumentParser
import Library

/// `--profile NAME`: ratings and shortlists belong to a named profile (a topic); `default` when omitted.
struct ProfileOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The profile (a named set of ratings).", valueName: "name"))
    var profile: String = "default"

    func validate() throws {
        if !Library.isPlainProfileName(profile) {
            throw ValidationError("profile name '\(profile)': use 1–64 letters, digits, '-', '_' or '.'")
        }
    }
}
