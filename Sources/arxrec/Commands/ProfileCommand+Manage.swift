import ArgumentParser
import Library

/// `profile list | rename | delete | reset`: the profiles as things to manage, beside `profile show`.
extension ProfileCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the profiles with their numbers of likes and dislikes.",
            discussion: """
            Examples:
              arxrec profile list
              arxrec profile list --format json
            """
        )

        @OptionGroup(title: "Library") var library: LibraryOptions
        @OptionGroup var output: TableOrJSONOptions

        struct Row: Encodable {
            let name: String
            let likes: Int
            let dislikes: Int
            let created: String
        }

        func run() throws {
            let store = try library.openLibrary(model: try library.loadModel())
            let rows = try store.profileListings().map {
                Row(name: $0.name, likes: $0.likes, dislikes: $0.dislikes, created: ISO8601.string($0.created))
            }
            switch output.format {
            case .json:
                print(try JSONOutput.string(["profiles": rows]))
            case .table:
                guard !rows.isEmpty else {
                    print("No profiles yet: `arxrec rate ID like` creates the default one, `--profile NAME` another.")
                    return
                }
                let terminal = Terminal.current
                print(TextTable(
                    headers: ["profile", "likes", "dislikes", "created"],
                    rows: rows.map { [$0.name, String($0.likes), String($0.dislikes), String($0.created.prefix(10))] },
                    flexibleColumn: 0
                ).render(width: terminal.lineWidth, bold: terminal.bold))
            }
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename a profile, keeping its ratings and shortlists.",
            discussion: """
            Examples:
              arxrec profile rename default vision
            """
        )

        @OptionGroup(title: "Library") var library: LibraryOptions
        @Argument(help: "The profile's current name.") var name: String
        @Argument(help: "Its new name (1–64 letters, digits, '-', '_' or '.').") var newName: String

        func validate() throws {
            do { try Library.validateProfileName(newName) } catch { throw ValidationError(error.description) }
        }

        func run() throws {
            let store = try library.openLibrary(model: try library.loadModel())
            try store.renameProfile(name, to: newName)
            print("renamed profile \(name) to \(newName)")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a profile with its ratings and stored shortlists.",
            discussion: """
            The papers stay in the library. To keep the profile but forget its ratings, use `profile reset`.

            Examples:
              arxrec profile delete vision
            """
        )

        @OptionGroup(title: "Library") var library: LibraryOptions
        @Argument(help: "The profile to delete.") var name: String

        func run() throws {
            let store = try library.openLibrary(model: try library.loadModel())
            let ratings = try store.deleteProfile(name)
            print("deleted profile \(name) and its \(ratings) rating\(ratings == 1 ? "" : "s")")
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forget every rating of a profile, keeping the profile.",
            discussion: """
            The profile starts again from nothing: its next shortlist needs new likes.

            Examples:
              arxrec profile reset
              arxrec profile reset --profile vision
            """
        )

        @OptionGroup(title: "Library") var library: LibraryOptions
        @OptionGroup var profileOption: ProfileOption

        func run() throws {
            let store = try library.openLibrary(model: try library.loadModel())
            let removed = try store.resetProfile(profileOption.profile)
            print("reset profile \(profileOption.profile): removed \(removed.count) rating\(removed.count == 1 ? "" : "s")")
        }
    }
}
