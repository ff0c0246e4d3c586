import ArgumentParser

/// The accepted range of an integer a user gives — an option or a `config.json` key — defined once
/// and read by the check, the help text and the message. Every count is checked at the edge, before
/// any arithmetic: `--top 4611686018427387904` is a one-line usage error, not an overflow trap deep in
/// the ranking.
struct CountRange: Sendable {
    let bounds: ClosedRange<Int>

    /// "1–1000", as help and messages print it.
    var text: String { "\(bounds.lowerBound)–\(bounds.upperBound)" }

    /// Throws ``CountRangeError`` naming `name` (`--top`, `"top"`) unless `value` is in range.
    func check(_ value: Int, name: String) throws(CountRangeError) {
        guard bounds.contains(value) else { throw CountRangeError(name: name, value: value, range: self) }
    }

    /// ``check(_:name:)`` for an option's value: out of range is a usage error.
    func validate(_ value: Int, option: String) throws(ValidationError) {
        do { try check(value, name: option) } catch { throw ValidationError(error.description) }
    }

    /// `help` followed by the range, for an option's `--help` line.
    func help(_ help: String) -> ArgumentHelp { ArgumentHelp("\(help) (\(text))") }
}

extension CountRange {
    /// Papers in a shortlist: `shortlist --top` and `"top"` in config.json.
    static let shortlistTop = CountRange(bounds: 1...1_000)
    /// Neighbours listed by `similar` and `search` (`--k`).
    static let neighbours = CountRange(bounds: 1...1_000)
    /// Days `daily` catches up after a gap (`"catchUpDays"` in config.json).
    static let catchUpDays = CountRange(bounds: 0...366)
    /// `evaluate --papers`: a subset of at least two papers, at most far beyond any real corpus.
    static let evaluatePapers = CountRange(bounds: 2...100_000_000)
    /// `evaluate --users`.
    static let evaluateUsers = CountRange(bounds: 1...10_000_000)
    /// `evaluate --queries`.
    static let evaluateQueries = CountRange(bounds: 1...100_000_000)
    /// `evaluate --rerank-depth` (0 turns the re-rank off).
    static let reRankDepth = CountRange(bounds: 0...100_000)
    // `model fit --dimension` and `--min-df` are a model definition's fields: `ModelDefinition.validate()`
    // holds their ranges, for the options and for a definition file alike.
}

/// A count outside its ``CountRange``; a usage error where it comes from an option.
struct CountRangeError: Error, CustomStringConvertible {
    let name: String
    let value: Int
    let range: CountRange

    var description: String { "\(name) \(value) is out of range: use \(range.text)" }
}
