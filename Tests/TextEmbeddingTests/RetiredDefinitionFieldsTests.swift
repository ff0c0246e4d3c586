import Foundation
import Testing
import TextEmbedding

/// `idfExponent`, `tfSaturation` and any `idf` but "smooth" were experiments that lost (Models/EXPERIMENTS.md)
/// and that no shipped model used. Their code is gone; a definition naming them must be refused by name, not
/// fitted as something else, and every kept definition must still re-encode to its own canonical JSON.
struct RetiredDefinitionFieldsTests {
    static func definitionJSON(adding extra: String) throws -> Data {
        let json = String(decoding: ModelDefinition(name: "retired").canonicalJSON(), as: UTF8.self)
        return Data((json.dropLast() + "," + extra + "}").utf8)
    }

    @Test(arguments: [
        (#""idfExponent":1.5"#, "idfExponent"), (#""tfSaturation":1.2"#, "tfSaturation"),
    ])
    func retiredFieldsAreRefusedByName(field: String, name: String) throws {
        let data = try Self.definitionJSON(adding: field)
        do {
            _ = try JSONDecoder().decode(ModelDefinition.self, from: data)
            Issue.record("\(name) was accepted")
        } catch {
            #expect("\(error)".contains("\(name) is no longer supported"))
        }
    }

    @Test func anotherIDFFormulaIsRefused() throws {
        let json = String(decoding: ModelDefinition(name: "retired").canonicalJSON(), as: UTF8.self)
        #expect(json.contains(#""idf":"smooth""#), "the field stays in the canonical JSON, so ids do not move")
        let bm25 = Data(json.replacingOccurrences(of: #""idf":"smooth""#, with: #""idf":"bm25""#).utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ModelDefinition.self, from: bm25) }
    }

    /// The value every shipped definition had, written out, still loads: 1 was the plain formula.
    @Test func anExponentOfOneIsThePlainFormula() throws {
        let data = try Self.definitionJSON(adding: #""idfExponent":1"#)
        #expect(try JSONDecoder().decode(ModelDefinition.self, from: data) == ModelDefinition(name: "retired"))
    }
}
