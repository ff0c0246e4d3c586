public import Library
import LinearAlgebra
public import TextEmbedding

/// Adapts the embedding model to the library's embedder protocol: the library stores the dense view.
public struct ModelEmbedder: TextEmbedder {
    public let model: EmbeddingModel

    public init(model: EmbeddingModel) {
        self.model = model
    }

    public var modelID: String { model.id }
    public var dimension: Int { model.dimension }

    public func embed(_ texts: [String]) throws -> [Float] {
        model.denseMatrix(texts).storage
    }
}
