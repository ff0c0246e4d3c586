/// What steering did to a shortlist, in its JSON (`"steering"`): the bar and where it came from, the
/// filters, and how many candidates each step kept, so a script (or a reader of a short day) sees why
/// the list is short.
public struct SteeringReport: Codable, Sendable, Equatable {
    /// The score a paper needed (`nil`: no bar).
    public var bar: Float?
    /// `learned` (from the profile's noise scores, ``ScoreBar``), `fixed` (config or `--threshold`),
    /// `off`, or `unlearned` (the library had too few unrated papers to learn one: no bar).
    public var barSource: String
    /// How many unrated library papers the learned bar was measured on (0 unless `learned`).
    public var noiseSample: Int
    public var include: [String]
    public var exclude: [String]
    public var categories: [String]
    /// Candidates removed by the keyword and category filters.
    public var filteredOut: Int
    /// Candidates that passed the filters but scored below the bar.
    public var belowBar: Int
    /// Candidates that passed the filters and the bar: the pool the list was picked from.
    public var passed: Int
    /// True when fewer papers passed than the list asked for, so the list is short on purpose.
    public var thin: Bool

    /// The sentence that ends a thin day's list instead of padding it with noise.
    public static let thinDayNote = "Nothing else above the bar today."

    /// "bar 0.05 (learned), 3 of 296 candidates filtered out, 290 below the bar", for a line of text.
    public func summary(candidates: Int) -> String {
        var parts = [bar.map { "bar \(String(twoDecimals: $0)) (\(barSource))" } ?? "no bar (\(barSource))"]
        if filteredOut > 0 { parts.append("\(filteredOut) of \(candidates) candidates filtered out") }
        parts.append("\(belowBar) below the bar")
        return parts.joined(separator: ", ")
    }

    /// ``thinDayNote`` when the day was thin, else `nil`: the one line every renderer prints.
    public var note: String? { thin ? Self.thinDayNote : nil }
}
