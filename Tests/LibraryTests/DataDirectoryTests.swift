import Foundation
@testable import Library
import LinearAlgebra
import TestSupport
import Testing

@Suite struct DataDirectoryTests {
    private let environment = ["HOME": "/home/ada", "ARXREC_HOME": "/srv/arxrec", "XDG_DATA_HOME": "/home/ada/.data"]

    @Test func theFlagWinsOverEverything() {
        #expect(DataDirectory.resolve(explicit: "/tmp/lib", environment: environment).path == "/tmp/lib")
        #expect(DataDirectory.resolve(explicit: "~/papers", environment: environment).path == "/home/ada/papers")
    }

    @Test func thenARXREC_HOME() {
        #expect(DataDirectory.resolve(explicit: nil, environment: environment).path == "/srv/arxrec")
        #expect(DataDirectory.resolve(explicit: "", environment: environment).path == "/srv/arxrec")
    }

    @Test func thenXDG_DATA_HOME() {
        var env = environment
        env["ARXREC_HOME"] = ""
        #expect(DataDirectory.resolve(explicit: nil, environment: env).path == "/home/ada/.data/arxrec")
    }

    @Test func thenTheHomeDefault() {
        #expect(DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/ada"]).path == "/home/ada/.local/share/arxrec")
        // A relative XDG_DATA_HOME is invalid by the XDG specification and ignored.
        #expect(DataDirectory.resolve(explicit: nil, environment: ["HOME": "/home/ada", "XDG_DATA_HOME": "data"]).path
            == "/home/ada/.local/share/arxrec")
    }

    @Test func openCreatesTheDirectoryWithBothFiles() throws {
        let fixture = try LibraryFixture()
        let nested = fixture.directory.url.appendingPathComponent("a/b/arxrec", isDirectory: true)
        let library = try Library.open(at: nested, embedder: fixture.embedder)
        let names = try FileManager.default.contentsOfDirectory(atPath: nested.path)
        #expect(names.contains("library.sqlite") && names.contains("vectors-\(fixture.embedder.modelID).f32"))
        #expect(try library.stats() == LibraryStats(papers: 0, vectors: 0, ratings: 0, profiles: 0, model: fixture.embedder.modelID, dimension: 16))
    }

    @Test func anUnusableDirectoryIsAOneLineError() throws {
        let fixture = try LibraryFixture()
        let file = fixture.directory.file("not-a-directory")
        try Data("x".utf8).write(to: file)
        #expect {
            try Library.open(at: file, embedder: fixture.embedder)
        } throws: { error in
            guard case .directoryUnavailable(let path, _) = error as? LibraryError else { return false }
            return path == file.path && !"\(error)".contains("\n")
        }
    }

    /// Every module asks these names and predicates, so a sweep deletes exactly what a writer made.
    @Test func everyFileNameIsRecognisedByItsOwnPredicateOnly() {
        let model = "lsa256-0123456789abcdef"
        let vectors = DataDirectory.vectorFileName(modelID: model)
        let copy = DataDirectory.quantizedVectorFileName(modelID: model)
        let rebuild = DataDirectory.rebuildPath(of: vectors, token: "A1B2")
        let cache = DataDirectory.weakNegativesFileName(modelID: model)
        #expect(DataDirectory.isVectorFile(vectors) && !DataDirectory.isVectorFile(copy))
        #expect(DataDirectory.isVectorFileOrCopy(vectors) && DataDirectory.isVectorFileOrCopy(copy))
        #expect(!DataDirectory.isVectorFileOrCopy(rebuild) && !DataDirectory.isVectorFileOrCopy(cache))
        #expect(DataDirectory.isVectorRebuildFile(rebuild))
        #expect(DataDirectory.isVectorRebuildFile(DataDirectory.rebuildPath(of: copy, token: "A1B2")))
        let prefixes = Int8Prefix.allCases.map { DataDirectory.prefixVectorFileName(modelID: model, prefix: $0) }
        #expect(Set(prefixes + [copy, vectors]).count == prefixes.count + 2, "every copy has a name of its own")
        for prefix in prefixes {
            #expect(DataDirectory.isVectorFileOrCopy(prefix) && !DataDirectory.isVectorFile(prefix))
            #expect(DataDirectory.isVectorRebuildFile(DataDirectory.rebuildPath(of: prefix, token: "A1B2")))
            #expect(!DataDirectory.isVectorFileOrCopy(DataDirectory.rebuildPath(of: prefix, token: "A1B2")))
        }
        #expect(!DataDirectory.isVectorRebuildFile(vectors) && !DataDirectory.isVectorRebuildFile(cache))
        #expect(DataDirectory.isWeakNegativesFile(cache) && !DataDirectory.isWeakNegativesFile(vectors))
        #expect(!DataDirectory.isVectorFile(DataDirectory.databaseFileName))
    }
}
