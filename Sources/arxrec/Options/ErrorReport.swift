import ArgumentParser
import Foundation

/// How `arxrec` ends on an error: one line on stderr and the README's exit status.
///
/// ArgumentParser's own `exit(withError:)` follows a usage error with the command's usage lines, and
/// one thrown from `run()` with the root command's (`Usage: arxrec <subcommand>`). A diagnostic here
/// is one line that says what to do: a usage error keeps only its message and points at `--help`.
enum ErrorReport {
    static func exit(_ error: any Error) -> Never {
        switch error {
        case let failure as any CommandFailure:
            printError("Error: \(failure.description)")
            Arxrec.exit(withError: failure.exitStatus)
        case is ExitCode, is CleanExit:
            Arxrec.exit(withError: error)
        default:
            let status = Arxrec.exitCode(for: error)
            guard status == .validationFailure else { Arxrec.exit(withError: error) }
            printError(usageLine(for: error))
            Arxrec.exit(withError: ExitCode.validationFailure)
        }
    }

    /// `Error: <message> (see 'arxrec <command> --help')` on one line.
    static func usageLine(for error: any Error) -> String {
        let message = Arxrec.message(for: error)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let prefixed = message.hasPrefix("Error:") ? message : "Error: \(message)"
        let full = Arxrec.fullMessage(for: error, columns: 10_000)
        guard let hint = full.range(of: #"See '[^']+' for more information"#, options: .regularExpression) else {
            return prefixed
        }
        let command = full[hint].dropFirst("See '".count).dropLast("' for more information".count)
        return "\(prefixed) (see '\(command)')"
    }
}
