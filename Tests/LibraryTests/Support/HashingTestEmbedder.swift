import Library

/// A test embedder — real, deterministic and trivial, not the project's model (that is
/// `TextEmbedding`): each ASCII-alphanumeric word (case-folded) and each other non-space scalar
/// is hashed with FNV-1a into one of `dimension` buckets with a sign; the sum is L2-normalised.
/// A text without tokens gets the unit vector e₀. Identical text gives identical bits.
struct HashingTestEmbedder: TextEmbedder {
    let dimension: Int
    let modelID: String

    init(dimension: Int = 16, modelID: String? = nil) {
        self.dimension = dimension
        self.modelID = modelID ?? "test-hash-d\(dimension)"
    }

    func embed(_ texts: [String]) throws -> [Float] {
        var output = [Float](repeating: 0, count: texts.count * dimension)
        for (index, text) in texts.enumerated() {
            let base = index * dimension
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var inWord = false
            func flush() {
                guard inWord else { return }
                let bucket = Int(hash % UInt64(dimension))
                output[base + bucket] += (hash >> 63) == 0 ? 1 : -1
                hash = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
            for scalar in text.unicodeScalars {
                let isWordScalar = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                if isWordScalar || (!scalar.isASCII && !scalar.properties.isWhitespace) {
                    let folded = scalar.isASCII ? (scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar) : scalar
                    hash = (hash ^ UInt64(folded.value)) &* 0x0000_0100_0000_01b3
                    inWord = true
                    if !scalar.isASCII { flush() }  // CJK and other scripts: one token per scalar
                } else {
                    flush()
                }
            }
            flush()
            var norm: Float = 0
            for i in 0..<dimension { norm += output[base + i] * output[base + i] }
            if norm == 0 {
                output[base] = 1
            } else {
                let scale = 1 / norm.squareRoot()
                for i in 0..<dimension { output[base + i] *= scale }
            }
        }
        return output
    }
}
