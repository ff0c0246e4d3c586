import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams an XML document as a sequence of record trees plus the elements outside records.
///
/// The feed parsers share this: each names its record element (`entry`, `item`, `record`) and gets
/// one ``MarkupElement`` per record through `record`, while every element outside a record is
/// reported, with its text, through `outside` (feed-level facts such as `totalResults`,
/// `resumptionToken`, `<error>`). Errors of the XML itself, including a document that ends early,
/// become ``FeedParseError/invalidXML(file:line:reason:)``.
///
/// Before FoundationXML sees a byte, the document must be text (``DocumentChecks/requireText(_:file:)``)
/// and UTF-8 (``DocumentChecks/requireUTF8XML(_:file:)``). Elements may nest at most ``maxDepth``
/// deep: a record is held as a tree, and a tree 100,000 deep overflows the stack when it is freed
/// (libxml2 itself streams any depth), while arXiv's documents nest six deep.
struct XMLRecordStream {
    var recordName: String
    var file: String

    /// The deepest element nesting a document may have (libxml2's own default limit).
    static let maxDepth = 256

    /// Parses `data`, calling `root` for the root element (before its children), `outside` for each
    /// closed element outside records and `record` for each closed record. A callback that throws
    /// stops the parse and its error is rethrown.
    func parse(
        _ data: Data,
        root: (MarkupElement) throws(FeedParseError) -> Void,
        outside: (MarkupElement) throws(FeedParseError) -> Void,
        record: (MarkupElement) throws(FeedParseError) -> Void
    ) throws(FeedParseError) {
        try DocumentChecks.requireText(data, file: file)
        try DocumentChecks.requireUTF8XML(data, file: file)
        let delegate = Delegate(recordName: recordName, file: file)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // The delegate holds the callbacks only while `parse()` runs; they never outlive this call.
        let succeeded = withoutActuallyEscaping(root) { root in
            withoutActuallyEscaping(outside) { outside in
                withoutActuallyEscaping(record) { record in
                    delegate.onRoot = root
                    delegate.onOutside = outside
                    delegate.onRecord = record
                    defer {
                        delegate.onRoot = nil
                        delegate.onOutside = nil
                        delegate.onRecord = nil
                    }
                    return parser.parse()
                }
            }
        }
        if let thrown = delegate.thrown { throw thrown }
        // On Linux `parse()` may return true for a truncated document while setting `parserError`.
        if !succeeded || parser.parserError != nil || !delegate.rootClosed {
            let line = delegate.errorLine ?? parser.lineNumber
            let code = (parser.parserError as? NSError)?.code ?? delegate.errorCode
            throw .invalidXML(file: file, line: line > 0 ? line : nil, reason: Self.reason(code: code, rootClosed: delegate.rootClosed))
        }
    }

    /// A readable reason for the libxml2 error codes `XMLParser` reports.
    private static func reason(code: Int?, rootClosed: Bool) -> String {
        switch code {
        case 4?: return "the document is empty"
        case 5?: return "the document ends before its elements are closed"
        case 9?: return "invalid character"
        case 26?: return "undeclared entity"
        case 89?: return "an entity expands too far or refers to itself"
        case 38?, 39?, 40?, 41?: return "malformed attribute"
        case 64?, 65?, 68?, 73?, 76?: return "malformed or mismatched tag"
        case let code?: return "XML parser error \(code)"
        case nil: return rootClosed ? "malformed document" : "the document ends before its elements are closed"
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let recordName: String
        let file: String
        var onRoot: ((MarkupElement) throws(FeedParseError) -> Void)?
        var onOutside: ((MarkupElement) throws(FeedParseError) -> Void)?
        var onRecord: ((MarkupElement) throws(FeedParseError) -> Void)?
        var thrown: FeedParseError?
        var errorLine: Int?
        var errorCode: Int?
        var rootClosed = false

        /// Open elements, innermost last; inside a record they are folded into their parent on close.
        private var stack: [MarkupElement] = []
        /// Index in `stack` of the open record element, if any.
        private var recordDepth: Int?

        init(recordName: String, file: String) {
            self.recordName = recordName
            self.file = file
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            guard thrown == nil else { return }
            guard stack.count < XMLRecordStream.maxDepth else {
                let line = parser.lineNumber > 0 ? parser.lineNumber : nil
                thrown = .invalidXML(file: file, line: line, reason: "elements nested deeper than \(XMLRecordStream.maxDepth)")
                parser.abortParsing()
                return
            }
            let element = MarkupElement(
                name: elementName, namespace: namespaceURI, attributes: attributeDict, text: "", children: [],
                line: parser.lineNumber > 0 ? parser.lineNumber : nil)
            if stack.isEmpty { deliver(parser) { [onRoot] () throws(FeedParseError) in try onRoot?(element) } }
            if recordDepth == nil, elementName == recordName { recordDepth = stack.count }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard thrown == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard thrown == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard thrown == nil, let element = stack.popLast() else { return }
            if let depth = recordDepth {
                if stack.count == depth {
                    recordDepth = nil
                    deliver(parser) { [onRecord] () throws(FeedParseError) in try onRecord?(element) }
                } else {
                    stack[stack.count - 1].children.append(element)
                }
            } else {
                deliver(parser) { [onOutside] () throws(FeedParseError) in try onOutside?(element) }
            }
            if stack.isEmpty { rootClosed = true }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if errorLine == nil {
                errorLine = parser.lineNumber
                errorCode = (parseError as NSError).code
            }
        }

        private func deliver(_ parser: XMLParser, _ body: () throws(FeedParseError) -> Void) {
            guard thrown == nil else { return }
            do throws(FeedParseError) {
                try body()
            } catch {
                thrown = error
                parser.abortParsing()
            }
        }
    }
}
