import Foundation
import Testing
@testable import Recommender

/// The gates are the one place that says which terms a profile uses; every caller reads them.
struct ProfileSettingsGateTests {
    @Test(arguments: ProfileModelKind.allCases)
    func ridgeKindsUseEveryTermAndTheOthersNone(kind: ProfileModelKind) {
        let settings = ProfileSettings.with { $0.kind = kind }
        let ridge = kind == .ridge || kind == .blend
        #expect(settings.learnsRidge == ridge)
        #expect(settings.usesWeakNegatives == ridge)
        #expect(settings.usesTopicalTerm == ridge, "a ridge's cold start is a blend, so it needs topical vectors")
        #expect(settings.usesHubness == ridge)
    }

    @Test func aZeroWeightOrCountTurnsItsTermOff() {
        #expect(!ProfileSettings.with { $0.topicalWeight = 0 }.usesTopicalTerm)
        #expect(!ProfileSettings.with { $0.hubnessWeight = 0 }.usesHubness)
        #expect(!ProfileSettings.with { $0.weakNegativeCount = 0 }.usesWeakNegatives)
        #expect(ProfileSettings.with { $0.hubnessWeight = 0 }.candidateHubness(nil) == nil)
        #expect(ProfileSettings.standard.candidateHubness(nil) == nil, "no sample, nothing to measure against")
    }

    /// A settings file names only what it changes; the rest keeps the measured defaults.
    @Test func aPartialSettingsFileKeepsTheDefaults() throws {
        let decoded = try JSONDecoder().decode(ProfileSettings.self, from: Data(#"{"lambda":0.5}"#.utf8))
        #expect(decoded == ProfileSettings.with { $0.lambda = 0.5 })
    }
}

/// Retired options are refused by name, not silently ignored: a file that asks for them measured something else.
struct RetiredProfileSettingsTests {
    @Test func aNonZeroWeakNegativeTargetIsRefused() throws {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ProfileSettings.self, from: Data(#"{"weakNegativeTarget":-0.2}"#.utf8))
        }
        #expect(try JSONDecoder().decode(ProfileSettings.self, from: Data(#"{"weakNegativeTarget":0}"#.utf8)) == .standard)
    }

    /// `translatedTopicalWeight` (experiment 91, rejected) is read and ignored: the file loads as the
    /// defaults, and its reader gets a notice naming the field.
    @Test func aRetiredTranslatedTopicalWeightLoadsWithANotice() throws {
        let file = Data(#"{"translatedTopicalWeight":0.25,"lambda":0.5}"#.utf8)
        #expect(try JSONDecoder().decode(ProfileSettings.self, from: file) == ProfileSettings.with { $0.lambda = 0.5 })
        let notices = try JSONDecoder().decode(ProfileSettings.RetiredFields.self, from: file).notices
        #expect(notices.count == 1 && notices.first?.hasPrefix("translatedTopicalWeight is retired") == true)
        #expect(try JSONDecoder().decode(ProfileSettings.RetiredFields.self, from: Data(#"{"lambda":0.5}"#.utf8)).notices.isEmpty)
    }
}
