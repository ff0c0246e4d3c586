import ArgumentParser
import ArxivFormats
import Recommender

/// An arXiv id given on the command line (`rate`, `similar`, `fetch --ids`): parsed in `validate()`,
/// so a typo is a one-line usage error before the library is opened.
enum ArxivIDArgument {
    static func parse(_ text: String) throws(ValidationError) -> ArxivID {
        do { return try ArxivID(parsing: text) } catch { throw ValidationError(error.description) }
    }

    /// An id, or a number alone: a position in the shortlist shown last (`arxrec rate 3 like`).
    static func parseReference(_ text: String) throws(ValidationError) -> PaperReference {
        do { return try PaperReference(parsing: text) } catch { throw ValidationError(error.description) }
    }

    /// A comma-separated list, as `fetch --ids` takes it.
    static func parseList(_ text: String) throws(ValidationError) -> [ArxivID] {
        var ids: [ArxivID] = []
        for part in text.split(separator: ",") { ids.append(try parse(String(part))) }
        guard !ids.isEmpty else { throw ValidationError("--ids names no paper: give e.g. 2512.19693,2512.19692") }
        return ids
    }
}
