import Foundation

/// Learns a ``ChineseLexicon`` from Chinese texts, as ``ChineseWordSettings`` describes: frequent,
/// cohesive and free character strings become word candidates, then a unigram language model over the
/// candidates and all characters is re-estimated by segmenting the corpus with it.
///
/// The texts are normalised and stripped as the featurizer does, so the words are learned from the same
/// characters they will be matched against. Counting is level by level (Apriori): a string of n characters
/// is counted only where both of its (n − 1)-character parts are frequent, so the tables hold the
/// frequent strings and their extensions, not every substring of the corpus.
///
/// Deterministic: the tables are filled in text order and read in slot order, and the words come out in
/// UTF-8 byte order, so the same texts and settings give the same lexicon on every run.
struct ChineseLexiconLearner {
    let settings: ChineseWordSettings

    /// The CJK characters of all texts in one array (each the FNV-1a hash of its UTF-8 bytes, 0 between
    /// runs), with the UTF-8 bytes of the runs and each position's byte offset into them.
    private struct Runs {
        var characters: [UInt64] = [0]
        var bytes: [UInt8] = []
        /// The byte offset of position i's character; at a separator, the end of the run before it.
        var byteStarts: [Int] = [0]
    }

    func learn(_ texts: [String]) -> ChineseLexicon {
        let runs = Self.runs(of: texts)
        let positions = runs.characters.count
        // Texts without CJK characters (an English-only corpus): every character is its own word.
        guard positions > 1 else { return .empty }
        let minimum = settings.minimumCount

        // Level by level: the key of the n-gram starting at each position, and whether it is frequent.
        var tables: [CountTable] = []
        var keys = [UInt64](repeating: 0, count: positions)
        var alive = [Bool](repeating: false, count: positions)
        var characterTable = CountTable()
        for i in 0 ..< positions where runs.characters[i] != 0 {
            keys[i] = Self.start(runs.characters[i])
            characterTable.add(keys[i], at: i)
        }
        let characterTotal = Double(characterTable.total)
        for i in 0 ..< positions where runs.characters[i] != 0 { alive[i] = characterTable.count(keys[i]) >= minimum }
        tables.append(characterTable)
        for length in 2 ... settings.maximumLength {
            var table = CountTable()
            var next = [Bool](repeating: false, count: positions)
            for i in 0 ..< max(0, positions - length + 1) where alive[i] && alive[i + 1] {
                keys[i] = Self.extend(keys[i], runs.characters[i + length - 1])
                table.add(keys[i], at: i)
                next[i] = true
            }
            for i in 0 ..< positions where next[i] { next[i] = table.count(keys[i]) >= minimum }
            alive = next
            tables.append(table)
        }

        // Candidates: frequent and cohesive strings of two or more characters.
        var candidates: [(position: Int, length: Int, count: Int)] = []
        for length in 2 ... settings.maximumLength {
            for (_, count, position) in tables[length - 1].entries where count >= minimum {
                var cohesion = Double.infinity
                for split in 1 ..< length {
                    let left = tables[split - 1].count(key(runs, position, split))
                    let right = tables[length - split - 1].count(key(runs, position + split, length - split))
                    cohesion = min(cohesion, log(Double(count) * characterTotal / (Double(left) * Double(right))))
                }
                if cohesion >= Double(settings.minimumCohesion) { candidates.append((position, length, count)) }
            }
        }

        // Branching entropy on both sides of every occurrence of a candidate.
        var candidateIndex = CountTable()
        for (index, candidate) in candidates.enumerated() {
            candidateIndex.set(key(runs, candidate.position, candidate.length) ^ UInt64(candidate.length), value: index)
        }
        var neighbours = CountTable()
        var boundaries = [Int](repeating: 0, count: candidates.count * 2)
        for i in 0 ..< positions where runs.characters[i] != 0 {
            var k = Self.start(runs.characters[i])
            for length in 2 ... settings.maximumLength {
                guard i + length - 1 < positions, runs.characters[i + length - 1] != 0 else { break }
                k = Self.extend(k, runs.characters[i + length - 1])
                guard let index = candidateIndex.value(k ^ UInt64(length)) else { continue }
                for side in 0 ..< 2 {
                    let neighbour = side == 0 ? runs.characters[i - 1] : runs.characters[i + length]
                    let slot = index * 2 + side
                    if neighbour == 0 {
                        boundaries[slot] += 1
                    } else {
                        neighbours.add(FeatureHash.fmix64(UInt64(slot)) ^ neighbour, at: slot)
                    }
                }
            }
        }
        var totals = boundaries.map(Double.init)
        var sumNLogN = [Double](repeating: 0, count: candidates.count * 2)
        for (_, count, slot) in neighbours.entries {
            totals[slot] += Double(count)
            sumNLogN[slot] += Double(count) * log(Double(count))
        }
        var words: [(word: [UInt8], count: Double)] = []
        var accepted = Set<String>()
        // Shorter candidates first, so a longer one can be checked against the words already kept.
        for (index, candidate) in candidates.enumerated().sorted(by: { ($0.element.length, $0.offset) < ($1.element.length, $1.offset) }) {
            let entropy = (0 ..< 2).map { side -> Double in
                let total = totals[index * 2 + side]
                return total > 0 ? log(total) - sumNLogN[index * 2 + side] / total : 0
            }.min() ?? 0
            guard entropy >= Double(settings.minimumEntropy) else { continue }
            let bytes = Array(runs.bytes[runs.byteStarts[candidate.position] ..< runs.byteStarts[candidate.position + candidate.length]])
            let word = String(decoding: bytes, as: UTF8.self)
            guard !Self.isPhrase(word, words: accepted) else { continue }
            accepted.insert(word)
            words.append((bytes, Double(candidate.count)))
        }
        for (_, count, position) in tables[0].entries {
            words.append((Array(runs.bytes[runs.byteStarts[position] ..< runs.byteStarts[position + 1]]), Double(count)))
        }
        words.sort { $0.word.lexicographicallyPrecedes($1.word) }
        var lexicon = Self.lexicon(words)
        for _ in 0 ..< settings.reestimationRounds {
            lexicon = reestimate(lexicon, runs: runs, minimum: Double(settings.minimumCount))
        }
        return lexicon
    }

    /// Whether `word` is a boundary particle glued to a shorter word of `words` (的性能, 模型在): a phrase
    /// of running text, not a word (``ChineseStopWords/boundaryParticles``).
    static func isPhrase(_ word: String, words: Set<String>) -> Bool {
        guard let first = word.first, let last = word.last, word.count > 2 else { return false }
        return (ChineseStopWords.boundaryParticles.contains(String(first)) && words.contains(String(word.dropFirst())))
            || (ChineseStopWords.boundaryParticles.contains(String(last)) && words.contains(String(word.dropLast())))
    }

    /// Segments every run with `lexicon`, counts how often each word is used, and returns the lexicon of
    /// the words used (multi-character ones at least `minimum` times) with costs from those counts.
    private func reestimate(_ lexicon: ChineseLexicon, runs: Runs, minimum: Double) -> ChineseLexicon {
        var indexOfHash: [UInt64: Int] = [:]
        for (index, word) in lexicon.words.enumerated() { indexOfHash[FeatureHash.fnv1a(Array(word.utf8))] = index }
        var usage = [Double](repeating: 0, count: lexicon.words.count)
        var buffers = SegmentationBuffers()
        runs.bytes.withUnsafeBufferPointer { bytes in
            var start = 1
            while start < runs.characters.count {
                var end = start
                while end < runs.characters.count && runs.characters[end] != 0 { end += 1 }
                if end > start {
                    let starts = runs.byteStarts[start ... end]
                    lexicon.segment(bytes, characterStarts: starts, buffers: &buffers)
                    var from = start
                    for wordEnd in buffers.ends {
                        let to = start + wordEnd
                        let h = FeatureHash.fnv1a(bytes, runs.byteStarts[from] ..< runs.byteStarts[to])
                        if let index = indexOfHash[h] { usage[index] += 1 }
                        from = to
                    }
                }
                start = end + 1
            }
        }
        var kept: [(word: [UInt8], count: Double)] = []
        for (index, word) in lexicon.words.enumerated() {
            let isCharacter = word.unicodeScalars.count == 1
            if usage[index] >= (isCharacter ? 1 : minimum) { kept.append((Array(word.utf8), usage[index])) }
        }
        return Self.lexicon(kept)
    }

    /// The lexicon of `words` (ascending by bytes) with costs −ln(count / total), rounded to Float16.
    private static func lexicon(_ words: [(word: [UInt8], count: Double)]) -> ChineseLexicon {
        let total = words.reduce(0) { $0 + $1.count }
        return ChineseLexicon(
            words: words.map { String(decoding: $0.word, as: UTF8.self) },
            costs: words.map { Float(Float16(-log($0.count / total))) })
    }

    /// The key of the `length`-character string at `position` (as the counting loop built it).
    private func key(_ runs: Runs, _ position: Int, _ length: Int) -> UInt64 {
        var k = Self.start(runs.characters[position])
        for i in position + 1 ..< position + length { k = Self.extend(k, runs.characters[i]) }
        return k
    }

    private static func start(_ character: UInt64) -> UInt64 { FeatureHash.fmix64(character ^ 0x4c45_5849_434f_4e31) }

    private static func extend(_ key: UInt64, _ character: UInt64) -> UInt64 {
        FeatureHash.fmix64((key &* 0x9e37_79b9_7f4a_7c15) ^ character)
    }

    /// The CJK runs of `texts`, normalised and stripped as ``Featurizer`` reads them.
    private static func runs(of texts: [String]) -> Runs {
        var runs = Runs()
        var text: [UInt8] = []
        for input in texts {
            TextNormalizer.normalize(input, into: &text)
            MarkupStripper.strip(&text)
            text.withUnsafeBufferPointer { bytes in
                var tokenizer = Tokenizer(bytes)
                var previousEnd = -1
                while let token = tokenizer.next() {
                    guard token.isCJK else { continue }
                    if token.start != previousEnd && runs.characters.last != 0 {
                        runs.characters.append(0)
                        runs.byteStarts.append(runs.bytes.count)
                    }
                    runs.characters.append(token.hash == 0 ? 1 : token.hash)
                    runs.byteStarts.append(runs.bytes.count)
                    runs.bytes.append(contentsOf: bytes[token.start ..< token.end])
                    previousEnd = token.end
                }
            }
            if runs.characters.last != 0 {
                runs.characters.append(0)
                runs.byteStarts.append(runs.bytes.count)
            }
        }
        return runs
    }
}

/// An open-addressing table from a 64-bit key to a count and the first position it was added at (or a
/// value), grown by doubling. Filled and read in a fixed order, it iterates the same way on every run,
/// unlike `Dictionary`, whose order is seeded per process.
private struct CountTable {
    private var keys: [UInt64] = []
    private var counts: [Int] = []
    private var firsts: [Int] = []
    private var used = 0
    private(set) var total = 0

    init() {
        keys = [UInt64](repeating: 0, count: 1024)
        counts = [Int](repeating: 0, count: 1024)
        firsts = [Int](repeating: 0, count: 1024)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: key) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// Counts one occurrence of `key` (0 is stored as 1) first seen at `position`.
    mutating func add(_ key: UInt64, at position: Int) {
        let key = key == 0 ? 1 : key
        let i = slot(key)
        if keys[i] == 0 {
            keys[i] = key
            firsts[i] = position
            used += 1
        }
        counts[i] += 1
        total += 1
        if used * 2 > keys.count { grow() }
    }

    /// Stores `value` for `key` (a lookup table rather than a count).
    mutating func set(_ key: UInt64, value: Int) {
        let key = key == 0 ? 1 : key
        let i = slot(key)
        if keys[i] == 0 { used += 1 }
        keys[i] = key
        firsts[i] = value
        counts[i] = 1
        if used * 2 > keys.count { grow() }
    }

    func count(_ key: UInt64) -> Int { counts[slot(key == 0 ? 1 : key)] }

    func value(_ key: UInt64) -> Int? {
        let i = slot(key == 0 ? 1 : key)
        return keys[i] == 0 ? nil : firsts[i]
    }

    /// Every key with its count and first position (or value), in slot order.
    var entries: [(key: UInt64, count: Int, first: Int)] {
        keys.indices.compactMap { keys[$0] == 0 ? nil : (keys[$0], counts[$0], firsts[$0]) }
    }

    private mutating func grow() {
        let old = (keys, counts, firsts)
        keys = [UInt64](repeating: 0, count: old.0.count * 2)
        counts = [Int](repeating: 0, count: old.0.count * 2)
        firsts = [Int](repeating: 0, count: old.0.count * 2)
        for i in old.0.indices where old.0[i] != 0 {
            let j = slot(old.0[i])
            keys[j] = old.0[i]
            counts[j] = old.1[i]
            firsts[j] = old.2[i]
        }
    }
}
