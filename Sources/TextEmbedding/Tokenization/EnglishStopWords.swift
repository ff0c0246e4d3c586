/// English stop words, dropped before word bigrams are formed.
///
/// The list is scikit-learn's `ENGLISH_STOP_WORDS` (318 words, from the Glasgow Information Retrieval
/// Group's list, including its historical spelling "amoungst"), the list the design's measurements used.
/// Entries with an apostrophe or a space never match a token and are kept only to stay identical to it.
enum EnglishStopWords {
    static let words: [String] = [
        "a", "about", "above", "across", "after", "afterwards", "again", "against", "all", "almost", "alone",
        "along", "already", "also", "although", "always", "am", "among", "amongst", "amoungst", "amount", "an",
        "and", "another", "any", "anyhow", "anyone", "anything", "anyway", "anywhere", "are", "around", "as", "at",
        "back", "be", "became", "because", "become", "becomes", "becoming", "been", "before", "beforehand",
        "behind", "being", "below", "beside", "besides", "between", "beyond", "bill", "both", "bottom", "but", "by",
        "call", "can", "cannot", "cant", "co", "con", "could", "couldn't", "cry", "de", "describe", "detail", "do",
        "done", "down", "due", "during", "each", "eg", "eight", "either", "eleven", "else", "elsewhere", "empty",
        "enough", "etc", "even", "ever", "every", "everyone", "everything", "everywhere", "except", "few",
        "fifteen", "fifty", "fill", "find", "fire", "first", "five", "for", "former", "formerly", "forty", "found",
        "four", "from", "front", "full", "further", "get", "give", "go", "had", "has", "hasn't", "have", "he",
        "hence", "her", "here", "hereafter", "hereby", "herein", "hereupon", "hers", "herself", "him", "himself",
        "his", "how", "however", "hundred", "i", "ie", "if", "in", "inc", "indeed", "interest", "into", "is", "it",
        "its", "itself", "keep", "last", "latter", "latterly", "least", "less", "ltd", "made", "many", "may", "me",
        "meanwhile", "might", "mill", "mine", "more", "moreover", "most", "mostly", "move", "much", "must", "my",
        "myself", "name", "namely", "neither", "never", "nevertheless", "next", "nine", "no", "no one", "nobody",
        "none", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often", "on", "once", "one", "only",
        "onto", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "part",
        "per", "perhaps", "please", "put", "rather", "re", "same", "see", "seem", "seemed", "seeming", "seems",
        "serious", "several", "she", "should", "show", "side", "since", "sincere", "six", "sixty", "so", "some",
        "somehow", "someone", "something", "sometime", "sometimes", "somewhere", "still", "such", "system", "take",
        "ten", "than", "that", "the", "their", "them", "themselves", "then", "thence", "there", "thereafter",
        "thereby", "therefore", "therein", "thereupon", "these", "they", "thick", "thin", "third", "this", "those",
        "though", "three", "through", "throughout", "thru", "thus", "to", "together", "too", "top", "toward",
        "towards", "twelve", "twenty", "two", "un", "under", "until", "up", "upon", "us", "very", "via", "was",
        "we", "well", "were", "what", "whatever", "when", "whence", "whenever", "where", "whereafter", "whereas",
        "whereby", "wherein", "whereupon", "wherever", "whether", "which", "while", "whither", "who", "whoever",
        "whole", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
        "yours", "yourself", "yourselves",
    ]

    /// The words keyed by their unseeded FNV-1a hash, so the tokenizer tests a token without making a
    /// `String` of it.
    static let table = StopWordTable(words: words)
}

/// A small open-addressing set of 64-bit token hashes.
///
/// A collision between a real word and a stop word would need two 64-bit FNV-1a values to be equal.
///
/// A hash's first slot is the top bits of one multiplication (Fibonacci hashing), not of `fmix64`: every word of
/// a text is tested, about half of them are stop words, and the branch on the answer waits for the slot's load,
/// which waited for the three-multiplication finaliser (the probe was ~15 % of `extractFeatures`, session 13).
/// FNV-1a's last step is itself a multiplication, so the top bits are already well mixed.
struct StopWordTable: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    /// 64 minus the table's bit count: a product shifted by this is a slot.
    private let shift: UInt64

    init(words: [String]) {
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < words.count * 4 {
            capacity *= 2
            bits += 1
        }
        var slots = [UInt64](repeating: 0, count: capacity)
        let shift = 64 - bits
        for word in words {
            let h = Self.nonZero(FeatureHash.fnv1a(Array(word.utf8)))
            var i = Self.firstSlot(h, shift: shift)
            while slots[i] != 0 && slots[i] != h { i = (i + 1) & (capacity - 1) }
            slots[i] = h
        }
        self.slots = slots
        self.mask = capacity - 1
        self.shift = shift
    }

    /// Whether the token whose unseeded FNV-1a hash is `hash` is a stop word.
    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        let h = Self.nonZero(hash)
        var i = Self.firstSlot(h, shift: shift)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[i]
                if slot == h { return true }
                if slot == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func firstSlot(_ h: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9e37_79b9_7f4a_7c15) >> shift)
    }

    /// 0 marks an empty slot, so a (practically impossible) zero hash is stored as 1.
    @inline(__always)
    private static func nonZero(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }
}
