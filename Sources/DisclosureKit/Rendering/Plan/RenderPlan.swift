/// The templates compiled once, at load: literal text as UTF-8 bytes, names split at their
/// dots, every partial and parent resolved to its place in `templates`. Rendering walks a
/// template's nodes over a model and appends to one byte buffer; nothing is parsed or
/// looked up by template name per page.
struct RenderPlan: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(TemplateName, escaped: Bool)
        case section(TemplateName, [Node])
        case invertedSection(TemplateName, [Node])
        /// A partial or parent by its index in `templates` (nil: no such template, which
        /// `TemplateSet.load` reports, and which renders as nothing).
        case partial(Int?, indentation: [UInt8]?, overrides: [String: [Node]]?)
        case block(String, defaults: [Node], indentation: [UInt8])
    }

    let templates: [[Node]]
    let index: [String: Int]

    /// Compiles parsed templates, resolving partials and parents by name.
    init(_ parsed: [String: [TemplateNode]]) {
        let names = parsed.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        func compile(_ nodes: [TemplateNode]) -> [Node] {
            var compiled: [Node] = []
            for node in nodes {
                switch node {
                case .text(let text):
                    // Texts stay one node per line as parsed: a partial's indentation goes
                    // before each node that starts a line.
                    compiled.append(.text(Array(text.utf8)))
                case .variable(let name, let escaped):
                    compiled.append(.variable(name, escaped: escaped))
                case .section(let name, let inverted, let body):
                    compiled.append(inverted ? .invertedSection(name, compile(body)) : .section(name, compile(body)))
                case .partial(let name, let indentation, let overrides):
                    compiled.append(.partial(index[name], indentation: indentation.map { Array($0.utf8) },
                                             overrides: overrides?.mapValues(compile)))
                case .block(let name, let defaults, let indentation):
                    compiled.append(.block(name, defaults: compile(defaults), indentation: Array(indentation.utf8)))
                case .blockDefinition:
                    // Only inside `{{<parent}}`, where the parser gathers them as overrides.
                    break
                }
            }
            return compiled
        }
        self.templates = names.map { compile(parsed[$0]!) }
        self.index = index
    }

    /// Template `name` rendered over `model`, as UTF-8.
    func render(_ name: String, _ model: some TemplateModel) -> [UInt8] {
        guard let template = index[name] else { return [] }
        var renderer = PlanRenderer(templates: templates, model: model)
        renderer.render(templates[template], indentation: [], inherited: nil)
        return renderer.output
    }
}
