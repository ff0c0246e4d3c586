import ArgumentParser

/// `--profile NAME`: ratings and shortlists belong to a named profile (a topic); `default` when omitted.
struct ProfileOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The profile (a named set of ratings).", valueName: "name"))
    var profile: String = "default"

    func validate() throws {
        let allowed = profile.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        if profile.isEmpty || !allowed || profile.count > 64 {
            throw ValidationError("profile name '\(profile)': use 1–64 letters, digits, '-', '_' or '.'")
        }
    }
}
