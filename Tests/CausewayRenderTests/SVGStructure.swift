import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an SVG from Graphviz holds, read with an XML parser (never by comparing bytes: Graphviz stamps its
/// version into the file).
final class SVGStructure: NSObject, XMLParserDelegate {
    private(set) var titles: [String] = []
    private(set) var groupClasses: [String] = []
    private(set) var groupIDs: [String] = []
    private(set) var elementNames = Set<String>()
    private var inTitle = false
    private var text = ""

    /// Nil when the text is not well-formed XML.
    static func parse(_ svg: String) -> SVGStructure? {
        let structure = SVGStructure()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = structure
        return parser.parse() ? structure : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elementNames.insert(name)
        if name == "title" {
            inTitle = true
            text = ""
        }
        if name == "g" {
            if let value = attributes["class"] { groupClasses.append(value) }
            if let value = attributes["id"] { groupIDs.append(value) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" {
            titles.append(text)
            inTitle = false
        }
    }
}
