import ArxivFormats
import Foundation
import Library
import Testing
import TestSupport
@testable import Evaluation
@testable import Recommender

/// The author-simulated users on the newest 4,000 real corpus papers.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct UserSimulationTests {
    let stored: [StoredPaper]
    let papers: [EvaluatedPaper]
    let names: [String]

    init() throws {
        let corpus = try CorpusLibrary()
        let ids = try corpus.library.randomPaperIDs(count: 10_000, seed: 1, excluding: [])
        stored = try corpus.library.papers(ids)
        (papers, names) = EvaluatedPaper.make(stored)
    }

    @Test func usersFollowTheProtocol() throws {
        var simulation = UserSimulation()
        simulation.maximumUsers = 40
        let users = simulation.users(papers: papers, authorNames: names, seed: 7)
        #expect(users.count == 40)
        for user in users {
            let own = user.liked + user.heldOut.map(\.positive)
            #expect(own.count >= 6)
            #expect(own.allSatisfy { stored[$0].authors.contains(user.author) })
            // Every paper of the author is in, liked = the earliest ⌈60 %⌉ by (day, id).
            #expect(own.count == stored.filter { $0.authors.contains(user.author) }.count)
            #expect(user.liked.count == Int((Double(own.count) * 0.6).rounded(.up)))
            let key = { (i: Int) in (papers[i].day ?? 0, papers[i].id) }
            #expect(zip(own, own.dropFirst()).allSatisfy { key($0) < key($1) })
            for heldOut in user.heldOut {
                #expect(heldOut.negatives.count == 199)
                #expect(Set(heldOut.negatives).count == 199)
                #expect(!heldOut.negatives.contains(heldOut.positive))
                let day = papers[heldOut.positive].day ?? 0
                for negative in heldOut.negatives {
                    #expect(!stored[negative].authors.contains(user.author))
                    #expect(abs((papers[negative].day ?? .max) - day) <= 30)
                }
            }
        }
    }

    @Test func theSeedDecidesTheUsersAndTheirDays() {
        var simulation = UserSimulation()
        simulation.maximumUsers = 20
        let first = simulation.users(papers: papers, authorNames: names, seed: 7)
        #expect(simulation.users(papers: papers, authorNames: names, seed: 7) == first)
        #expect(simulation.users(papers: papers, authorNames: names, seed: 8) != first)
    }
}
