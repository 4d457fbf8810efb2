import CLibXML2
import Foundation

/// Validates XML against the sitemaps.org schemas kept in Tests/Schemas (shared by both test targets).
public enum XMLSchemaCheck {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schemas")

    /// 0 when `xml` is valid against `schema` (`sitemap.xsd` or `siteindex.xsd`).
    public static func validate(_ xml: [UInt8], schema: String) -> Int32 {
        xmlInitParser()
        let schemaPath = folder.appendingPathComponent(schema).path
        guard let parser = xmlSchemaNewParserCtxt(schemaPath), let compiled = xmlSchemaParse(parser) else { return -1 }
        defer { xmlSchemaFree(compiled); xmlSchemaFreeParserCtxt(parser) }
        guard let validator = xmlSchemaNewValidCtxt(compiled) else { return -1 }
        defer { xmlSchemaFreeValidCtxt(validator) }
        let document = xml.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), "sitemap.xml", nil, Int32(XML_PARSE_NONET.rawValue)) }
        }
        guard let document else { return -1 }
        defer { xmlFreeDoc(document) }
        return xmlSchemaValidateDoc(validator, document)
    }
}
