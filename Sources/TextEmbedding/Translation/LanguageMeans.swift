import LinearAlgebra

/// The mean topical vector of each language, so that a Chinese text is compared by topic and not by
/// language.
///
/// Why: every Chinese text's topical vector (plain LSA, ``EmbeddingModel/topical(_:scale:)``) shares a common
/// "Chinese" component. In a library that holds Chinese-only papers they crowd a Chinese query's re-ranked
/// list; measured on the time split (`evaluate --crosslang`, session 8, `LanguageMeanProbe`): with the
/// 5,000 test papers' English texts and the other pairs' Chinese texts in one pool, 10.5 % of a Chinese
/// query's 10 nearest were English and its English twin's MRR was 0.714; each language's mean taken off,
/// 39.6 % and 0.916 (experiment 90). And a profile's likes are English, so a translated candidate's topical
/// vector moved to the English side meets their centroid as its twin would: Chinese-only nDCG@10 0.2501 →
/// 0.2521 on all 5,150 users (experiment 92).
///
/// The means come from the model's calibration pairs (``CalibrationPair``): the same papers in both
/// languages, so their difference is the language and not a topic. A vector's language is told by the
/// vector itself — which side of the midpoint between the two means it falls on along their difference —
/// since a library row carries no language (and a Chinese text's Latin terms do not make it English).
public struct LanguageMeans: Sendable, Equatable {
    public let english: [Float]
    public let chinese: [Float]
    /// chinese − english, and the midpoint's coordinate along it.
    let direction: [Float]
    let midpoint: Float

    /// The means of the non-zero topical vectors `english` and `chinese` (of the same papers).
    public init(english: [[Float]], chinese: [[Float]]) {
        func mean(_ vectors: [[Float]]) -> [Float] {
            var sums = [Double](repeating: 0, count: vectors.first?.count ?? 0)
            var counted = 0
            for t in vectors where t.contains(where: { $0 != 0 }) {
                for j in t.indices { sums[j] += Double(t[j]) }
                counted += 1
            }
            return sums.map { Float($0 / Double(max(counted, 1))) }
        }
        self.english = mean(english)
        self.chinese = mean(chinese)
        var direction = self.chinese
        DenseVector.add(self.english, scaledBy: -1, to: &direction)
        self.direction = direction
        midpoint = (DenseVector.dot(self.chinese, direction) + DenseVector.dot(self.english, direction)) / 2
    }

    /// Whether the topical vector `t` reads as Chinese.
    public func isChinese(_ t: [Float]) -> Bool { DenseVector.dot(t, direction) > midpoint }

    /// `t` − chinese + english, L2 (zeros stay zeros): a Chinese text's topical vector on the English side.
    public func movedToEnglish(_ t: [Float]) -> [Float] {
        guard t.contains(where: { $0 != 0 }) else { return t }
        var v = t
        DenseVector.add(chinese, scaledBy: -1, to: &v)
        DenseVector.add(english, to: &v)
        DenseVector.normalize(&v)
        return v
    }

    /// `t` less its language's mean, L2; zeros stay zeros.
    public func centered(_ t: [Float]) -> [Float] {
        guard t.contains(where: { $0 != 0 }) else { return t }
        var v = t
        DenseVector.add(isChinese(t) ? chinese : english, scaledBy: -1, to: &v)
        DenseVector.normalize(&v)
        return v
    }
}
