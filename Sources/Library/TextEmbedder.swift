/// Turns texts into dense vectors; injected by the caller so the library stores vectors without
/// depending on how they are made (the Recommender adapts the real embedding model to it).
///
/// The library keeps one vector file per ``modelID`` and re-embeds every paper when the id or the
/// ``dimension`` it finds on disk differ, so an embedder must change its id whenever its output
/// for the same text could change.
public protocol TextEmbedder: Sendable {
    /// Names the model and its artifacts; it becomes part of the vector file's name
    /// (`vectors-<modelID>.f32`), so it may hold only `A–Z a–z 0–9 . _ -` and at most 128 bytes.
    var modelID: String { get }
    /// Floats per vector.
    var dimension: Int { get }
    /// Row-major `texts.count × dimension`, L2-normalised rows; the same text must give the same
    /// bits on every call.
    func embed(_ texts: [String]) throws -> [Float]
}
