import ArgumentParser
import Foundation

extension Arxrec {
    /// ArgumentParser's own `main`, with its last step — printing the error, usage or help — sent
    /// through ``TerminalWriter``: an error's description may quote a record, a file name or an argument,
    /// and those reach the terminal only made safe. Exit statuses are ArgumentParser's unchanged.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let status = exitCode(for: error)
            let text = fullMessage(for: error)
            if !text.isEmpty {
                let writer = status == .success ? TerminalWriter.standardOutput : TerminalWriter.standardError
                writer.write(text + "\n")
            }
            Foundation.exit(status.rawValue)
        }
    }
}
