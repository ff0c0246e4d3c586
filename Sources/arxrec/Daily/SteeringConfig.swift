import Foundation
import Recommender

/// The steering keys of `config.json`, for every profile (`"steering"`) or one (`"profileSteering"`:
/// `{"NAME": {…}}`), each key optional:
///
/// ```json
/// {"threshold": "auto", "include": ["speculative decoding", "kv cache"], "exclude": ["pose"],
///  "categories": ["cs.CL", "cs.LG"]}
/// ```
/// `threshold` is `"auto"` (learned from the profile's scores, ``ScoreBar``; the default), `"off"`, or a
/// score. A profile's own keys win over the shared ones, and `shortlist`/`daily` options over both.
struct SteeringConfig: Codable, Equatable {
    var threshold: ThresholdSetting?
    var include: [KeywordTerm]?
    var exclude: [KeywordTerm]?
    var categories: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case threshold, include, exclude, categories
    }

    init(threshold: ThresholdSetting? = nil, include: [KeywordTerm]? = nil, exclude: [KeywordTerm]? = nil, categories: [String]? = nil) {
        self.threshold = threshold
        self.include = include
        self.exclude = exclude
        self.categories = categories
    }

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, valid: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        threshold = try container.decodeIfPresent(ThresholdSetting.self, forKey: .threshold)
        include = try container.decodeIfPresent([KeywordTerm].self, forKey: .include)
        exclude = try container.decodeIfPresent([KeywordTerm].self, forKey: .exclude)
        categories = try container.decodeIfPresent([String].self, forKey: .categories)
    }

    /// `self` with every key `other` sets taken from `other`.
    func overridden(by other: SteeringConfig) -> SteeringConfig {
        SteeringConfig(
            threshold: other.threshold ?? threshold, include: other.include ?? include,
            exclude: other.exclude ?? exclude, categories: other.categories ?? categories)
    }

    /// The recommender's ``Steering``: an unset threshold is the learned one, unset filters keep everything.
    var steering: Steering {
        Steering(
            threshold: threshold?.threshold ?? .learned, include: include ?? [], exclude: exclude ?? [],
            categories: categories ?? [])
    }
}

/// `"auto"`, `"off"` or a finite score: the one spelling of a threshold in `config.json` and `--threshold`.
struct ThresholdSetting: Codable, Equatable {
    let threshold: Steering.Threshold

    /// `nil` for anything else.
    init?(_ text: String) {
        switch text.lowercased() {
        case "auto": threshold = .learned
        case "off": threshold = .off
        default:
            guard let value = Float(text), value.isFinite else { return nil }
            threshold = .fixed(value)
        }
    }

    static let expected = "\"auto\" (learned from the profile's scores), \"off\" or a score such as 0.05"

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self), number.isFinite {
            threshold = .fixed(Float(number))
            return
        }
        guard let text = try? container.decode(String.self), let setting = ThresholdSetting(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "use \(Self.expected)"))
        }
        self = setting
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch threshold {
        case .learned: try container.encode("auto")
        case .off: try container.encode("off")
        case .fixed(let value): try container.encode(value)
        }
    }
}
