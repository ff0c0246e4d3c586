import Foundation

/// A model's ``TermTranslation``, decoded from its artifact bytes the first time a Chinese text needs it.
///
/// Why lazily: only a Chinese-only text is translated, and decoding the table (71 k entries) and the
/// calibration pairs (30 k lines) was a tenth of every command's model load (perf, `arxrec stats`),
/// `similar` and `search` on English texts included. The bytes are read and hashed into the model's id at
/// load (their headers checked there too), so what is decoded here is what the id names; or, when a
/// ``ModelVerificationStamp`` vouches for the files, read on first use and decoded only if they are still
/// the files it vouched for.
///
/// It also keeps what the model derives from the translation's calibration pairs (``CalibrationViews``),
/// made on first use, next to the pairs they come from.
///
/// Thread-safe: the decode runs at most once, under a lock; the box is owned by its model value (no global
/// state) and shared by its copies.
final class LazyTranslation: @unchecked Sendable {
    private enum State {
        case pending(@Sendable () throws(ModelError) -> TermTranslation)
        case done(Result<TermTranslation, ModelError>)
    }

    /// The artifact files it decodes.
    static let artifacts: Set<ArtifactFile> = [.termTable, .translationCalibration, .calibrationPairs]

    private let lock = NSLock()
    private var state: State
    /// The ``CalibrationViews`` derived from the translation's pairs, once made; under a lock of their own,
    /// since making them embeds texts with the model (which may decode the translation).
    private let viewsLock = NSLock()
    private var calibrationViews: CalibrationViews?

    /// A translation already in memory (a fitted model).
    init(_ translation: TermTranslation) {
        state = .done(.success(translation))
    }

    /// A translation `decode` makes on first use.
    init(decode: @escaping @Sendable () throws(ModelError) -> TermTranslation) {
        state = .pending(decode)
    }

    /// Whether the translation is in memory (decoded, or given).
    var isDecoded: Bool {
        lock.withLock {
            if case .done = state { return true }
            return false
        }
    }

    /// The translation, decoded on the first call. A decode that fails (bytes that hash to the model's id
    /// but do not parse: a model written by a faulty fit) gives its error on every call.
    func value() -> Result<TermTranslation, ModelError> {
        lock.withLock {
            switch state {
            case .done(let result):
                return result
            case .pending(let decode):
                let result = Result { () throws(ModelError) in try decode() }
                state = .done(result)
                return result
            }
        }
    }

    /// Whether the calibration views have been made.
    var hasCalibrationViews: Bool { viewsLock.withLock { calibrationViews != nil } }

    /// The calibration views, made by `make` on the first call and kept: they depend on the model alone.
    func views(_ make: () -> CalibrationViews) -> CalibrationViews {
        viewsLock.withLock {
            if let calibrationViews { return calibrationViews }
            let made = make()
            calibrationViews = made
            return made
        }
    }
}
