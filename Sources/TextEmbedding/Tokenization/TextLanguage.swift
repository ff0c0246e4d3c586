/// The language a text is embedded as, told from its characters (``Featurizer/language``): what a
/// bilingual model needs to know to compare a Chinese text with English ones, and what a caller needs to
/// know to read a text's sparse view (Chinese words or English words).
public enum TextLanguage: String, Sendable, Codable, CaseIterable {
    case english = "en"
    case chinese = "zh"
}
