public import ArxivFormats

public enum RecommenderError: Error, Sendable, CustomStringConvertible {
    case notInLibrary(ArxivID)
    case noKnownTerms(String)
    case noRatings(String)

    public var description: String {
        switch self {
        case .notInLibrary(let id):
            return "\(id) is not in the library: add it with `arxrec fetch --ids \(id)` (online) or `arxrec ingest FILE`"
        case .noRatings(let profile):
            let flag = profile == "default" ? "" : " --profile \(profile)"
            return "profile '\(profile)' has no ratings yet: like a few papers first (`arxrec rate ID like\(flag)` or `arxrec import-likes FILE\(flag)`)"
        case .noKnownTerms(let text):
            return "no term of '\(text.prefix(60))' is known to the model: try words from titles or abstracts"
        }
    }
}
