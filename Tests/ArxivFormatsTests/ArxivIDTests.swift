import Testing
@testable import ArxivFormats

struct ArxivIDTests {
    @Test(arguments: [
        ("2512.19693", "2512.19693", nil as Int?),
        ("2512.19693v1", "2512.19693", 1),
        ("arXiv:2512.19693", "2512.19693", nil),
        ("ARXIV:2512.19693v12", "2512.19693", 12),
        ("https://arxiv.org/abs/2512.19693v2", "2512.19693", 2),
        ("https://arxiv.org/pdf/2512.19693v1", "2512.19693", 1),
        ("https://arxiv.org/pdf/2512.19693v1.pdf", "2512.19693", 1),
        ("http://export.arxiv.org/abs/2512.19693", "2512.19693", nil),
        ("https://www.arxiv.org/abs/2512.19693/", "2512.19693", nil),
        ("  0704.0001 \n", "0704.0001", nil),
        ("1412.9999v3", "1412.9999", 3),
        ("hep-th/9901001", "hep-th/9901001", nil),
        ("hep-th/9901001v3", "hep-th/9901001", 3),
        ("math.GT/0309136", "math/0309136", nil),
        ("http://arxiv.org/abs/astro-ph/0601001v1", "astro-ph/0601001", 1),
        ("quant-ph/0201082v1", "quant-ph/0201082", 1),
    ])
    func parsesEveryPastedForm(input: String, base: String, version: Int?) throws {
        let id = try ArxivID(parsing: input)
        #expect(id.base == base)
        #expect(id.version == version)
    }

    @Test(arguments: [
        "", "abc", "2512.1969", "2512.196930", "1413.0001", "0703.0001", "1501.0001", "2512.19693v0",
        "2512.19693v", "hep-th/990100", "hep-th/99010011", "https://example.com/abs/2512.19693",
        "https://arxiv.org/list/cs.CV", "12/9901001", "2512.19693 extra",
    ])
    func rejectsNonIds(input: String) {
        #expect(throws: ArxivIDError.self) { try ArxivID(parsing: input) }
    }

    @Test func errorsNameTheInput() {
        #expect(ArxivIDError.invalid("abc").description.contains("'abc'"))
        #expect(!ArxivIDError.empty.description.isEmpty)
    }

    @Test func descriptionRoundTrips() throws {
        for text in ["2512.19693", "2512.19693v4", "hep-th/9901001v2"] {
            #expect(try ArxivID(parsing: text).description == text)
        }
        #expect(try ArxivID(parsing: "2512.19693v4").unversioned.description == "2512.19693")
        #expect(try ArxivID(parsing: "2512.19693v4").absURL == "https://arxiv.org/abs/2512.19693v4")
    }

    @Test func ordersByBaseThenVersion() throws {
        let ids = try ["2512.19693v2", "2512.19692", "2512.19693v1"].map { try ArxivID(parsing: $0) }
        #expect(ids.sorted().map(\.description) == ["2512.19692", "2512.19693v1", "2512.19693v2"])
    }
}
