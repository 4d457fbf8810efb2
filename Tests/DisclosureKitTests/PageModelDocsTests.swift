@testable import DisclosureKit
import Foundation
import Testing

/// docs/templates.md lists the names each template is given; the page models are what
/// gives them. The two must agree both ways, and every name a model has must be answered by
/// its `value(named:)` (through `child(named:)`, which gives the same values), or a template would render it empty.
@Suite struct PageModelDocsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The documented names of each table, by its heading: `record`, `record: meta`, `base`.
    static func documented() throws -> [String: Set<String>] {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        var tables: [String: Set<String>] = [:]
        var heading = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") {
                let title = line.drop { $0 == "#" || $0 == " " }
                heading = Self.quoted(title).joined(separator: ": ")
                if !heading.isEmpty { tables[heading, default: []] = [] }
                continue
            }
            guard line.hasPrefix("| `"), let cell = line.split(separator: "|").first else { continue }
            tables[heading, default: []].formUnion(Self.quoted(cell))
        }
        return tables
    }

    /// The `quoted` names of a line.
    static func quoted(_ text: Substring) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The sample site's models of every page kind.
    static func models() throws -> [String: any TemplateModel] {
        let root = repository.path
        let site = SiteLoader.load(try ContentScanner(root: root).scan())
        let plan = SitePlan(PublicView(site))
        let contexts = PageContexts(plan: plan)
        var models: [String: any TemplateModel] = [:]
        func record(where test: (Record) -> Bool) throws -> RecordPageModel {
            let index = try #require(plan.recordPages.firstIndex { test($0.record) })
            return contexts.record(index, bodyHTML: "<h2>一、总体情况</h2><p>正文</p>")
        }
        let frame = contexts.notFound().frame
        models["base"] = frame
        models["base: nav"] = frame.nav[0]
        models["base: breadcrumbs"] = contexts.search().frame.breadcrumbs[0]
        models["base: footer_lines"] = frame.footer_lines[0]
        models["base: site_links"] = try #require(frame.site_links.first, "the sample has site links")
        models["base: head_meta"] = frame.head_meta[0]
        let policy = try record { $0.type.id == "policy" }
        models["record"] = policy
        let relations = plan.recordPages.indices.lazy.compactMap { contexts.record($0, bodyHTML: "").relations?.first }.first
        models["record: relations"] = try #require(relations)
        models["record: budget"] = try #require(try record { $0.type.id == "budget" }.budget)
        models["record: guide"] = try #require(try record { $0.type.id == "guide" }.guide)
        models["record: report"] = try #require(try record { $0.type.id == "report" }.report)
        let fieldSection = plan.recordPages.indices.lazy.compactMap { contexts.record($0, bodyHTML: "").field_sections?.first }.first
        models["record: field_sections"] = try #require(fieldSection)
        models["list"] = contexts.list(plan.listPages[0])
        models["home"] = contexts.home()
        models["catalog"] = contexts.catalog()
        models["catalog-page"] = contexts.catalogPage(plan.catalog.pages[0])
        models["catalog-row"] = contexts.catalogRow(0)
        models["publisher"] = try contexts.publisherPage(#require(plan.publishers.pages.first))
        models["page"] = try contexts.fixedPage(#require(plan.fixedPages.indices.first), bodyHTML: "<p>正文</p>")
        models["search"] = contexts.search()
        models["404"] = contexts.notFound()
        return models
    }

    /// A model's stored properties as the templates name them (the frame's are `base`'s).
    static func fields(_ model: Any) -> [(name: String, value: Any)] {
        Mirror(reflecting: model).children.compactMap { child in
            guard let name = child.label, name != "frame" else { return nil }
            return (name, child.value)
        }
    }

    @Test func everyDocumentedNameIsAModelsFieldAndEveryFieldIsDocumented() throws {
        let documented = try Self.documented()
        let models = try Self.models()
        // The policy notice names its successors' parts (`repealed_by_href`); checked below.
        for (heading, model) in models {
            let names = Set(Self.fields(model).map(\.name))
            let listed = try #require(documented[heading], "docs/templates.md has no table '\(heading)'")
            #expect(names == listed, "\(heading): not documented \(names.subtracting(listed).sorted()), not a field \(listed.subtracting(names).sorted())")
        }
        for heading in documented.keys where heading != "record: policy" {
            #expect(models[heading] != nil, "docs/templates.md documents '\(heading)', which no test model checks")
        }
    }

    @Test func everyFieldIsWhatTheTemplatesLookUp() throws {
        for (heading, model) in try Self.models() {
            for field in Self.fields(model) {
                let mirror = Mirror(reflecting: field.value)
                let present = !(mirror.displayStyle == .optional && mirror.children.isEmpty)
                let looked = model.child(named: field.name)
                #expect((looked != nil) == present, "\(heading): '\(field.name)' is \(present ? "present" : "absent") but child(named:) gives \(String(describing: looked))")
            }
            #expect(model.child(named: "no_such_name") == nil, "\(heading): an unknown name must fall through to the enclosing sections")
        }
    }

    /// Every text and number a model holds, rendered by the build's own template library
    /// from a site template that names it, comes out as its value, escaped.
    @Test func aSitesTemplateRendersEveryNamedValue() throws {
        let models = try Self.models().sorted { $0.key < $1.key }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let partials = root.appendingPathComponent("templates/partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        var expected: [(template: String, model: any TemplateModel, text: String)] = []
        for (position, (_, model)) in models.enumerated() {
            let scalars = Self.fields(model).compactMap { field -> (String, String)? in
                if let text = field.value as? String { return (field.name, text) }
                if let number = field.value as? Int { return (field.name, String(number)) }
                if let text = field.value as? String?, let text { return (field.name, text) }
                return nil
            }
            let raw: Set<String> = ["body", "preamble", "html"]
            let template = scalars.map { raw.contains($0.0) ? "{{{\($0.0)}}}" : "{{\($0.0)}}" }.joined(separator: "|")
            try template.write(to: partials.appendingPathComponent("probe\(position).mustache"), atomically: true, encoding: .utf8)
            let escape = { (text: String) in
                text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                    .replacingOccurrences(of: "'", with: "&#39;")
            }
            expected.append(("partials/probe\(position)", model,
                             scalars.map { raw.contains($0.0) ? $0.1 : escape($0.1) }.joined(separator: "|")))
        }
        let templates = try #require(TemplateSet.load(root: root.path).0)
        for probe in expected {
            #expect(templates.render(probe.template, probe.model) == probe.text, "\(probe.template)")
        }
        #expect(expected.contains { !$0.text.isEmpty })
    }

    @Test func thePolicyNoticeAnswersEveryDocumentedName() throws {
        let documented = try #require(try Self.documented()["record: policy"])
        let notice = PolicyNotice(repealed: true, expired: false, amended: true,
                                  repealed_by: .init(href: "policies/2024/a.html", title: "明湖区人民政府关于废止部分规范性文件的决定"),
                                  amended_by: .init(document: "明政发〔2025〕3号"))
        let answered: Set<String> = ["repealed", "expired", "amended", "repealed_by_href", "repealed_by_title", "repealed_by_named",
                                     "amended_by_document", "amended_by_named"]
        for name in documented {
            #expect((notice.child(named: name) != nil) == answered.contains(name), "policy.\(name)")
        }
        #expect(notice.child(named: "repealed_by_document") == nil && notice.child(named: "amended_by_href") == nil)
        let plain = PolicyNotice(repealed: true, expired: false, amended: false)
        #expect(plain.child(named: "repealed_by_named") == nil, "a notice naming no successor says 本文件已废止")
    }
}
