import Foundation

/// A small element tree for one record (an Atom entry, an RSS item, an OAI-PMH record).
///
/// The XML parsers stream the document and build a tree only for one record at a time, so memory
/// is bounded by the largest record, not by the document.
struct MarkupElement: Sendable {
    /// The local name (`entry`, `primary_category`), without prefix.
    var name: String
    /// The namespace URI, when the document declares one.
    var namespace: String?
    var attributes: [String: String]
    /// The element's own character data (not its children's), untrimmed.
    var text: String
    var children: [MarkupElement]
    /// The line where the element starts, when the XML parser reports it.
    var line: Int?

    /// The first child with this local name.
    func child(_ name: String) -> MarkupElement? { children.first { $0.name == name } }

    /// Every child with this local name, in order.
    func children(_ name: String) -> [MarkupElement] { children.filter { $0.name == name } }

    /// The first child's text, trimmed; `nil` when absent or blank.
    func text(of name: String) -> String? {
        guard let value = child(name)?.text.trimmed, !value.isEmpty else { return nil }
        return value
    }

    /// The first descendant (depth first) with this local name.
    func descendant(_ name: String) -> MarkupElement? {
        for child in children {
            if child.name == name { return child }
            if let found = child.descendant(name) { return found }
        }
        return nil
    }
}
