import ArgumentParser
import Foundation

/// How `arxrec` ends on an error: one line on stderr and the README's exit status.
///
/// ArgumentParser's own `exit(withError:)` follows a usage error with the command's usage lines, and
/// one thrown from `run()` with the root command's (`Usage: arxrec <subcommand>`). A diagnostic here
/// is one line that says what to do: a usage error keeps only its message and points at `--help`.
///
/// Everything it prints goes through ``TerminalWriter``: an error's description may quote a record, a
/// file name or an argument, and those reach the terminal only made safe.
enum ErrorReport {
    static func exit(_ error: any Error) -> Never {
        switch error {
        case let failure as any CommandFailure:
            printError("Error: \(failure.description)")
            Foundation.exit(failure.exitStatus.rawValue)
        case is ExitCode, is CleanExit:
            finish(error)
        default:
            guard Arxrec.exitCode(for: error) == .validationFailure else { finish(error) }
            printError(usageLine(for: error))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// ArgumentParser's own last step — the help, the version or the error message, and its exit
    /// status — with the text written through ``TerminalWriter``.
    private static func finish(_ error: any Error) -> Never {
        let status = Arxrec.exitCode(for: error)
        let text = Arxrec.fullMessage(for: error)
        if !text.isEmpty {
            let writer = status == .success ? TerminalWriter.standardOutput : TerminalWriter.standardError
            writer.write(text + "\n")
        }
        Foundation.exit(status.rawValue)
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
