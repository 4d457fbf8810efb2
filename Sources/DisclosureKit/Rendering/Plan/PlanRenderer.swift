/// One render of a compiled template: the context stack (the model, then each section's
/// value) and the bytes written so far. It follows swift-mustache's rules: a name's first
/// part is looked up from the top of the stack down, its other parts inside what was found;
/// a partial's indentation goes before every non-empty node output that starts a line.
struct PlanRenderer {
    let templates: [[RenderPlan.Node]]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]

    init(templates: [[RenderPlan.Node]], model: some TemplateModel) {
        self.templates = templates
        self.stack = [.model(model)]
        output.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [RenderPlan.Node], indentation: [UInt8], inherited: [String: [RenderPlan.Node]]?) {
        if indentation.isEmpty {
            for node in nodes {
                render(node, indentation: indentation, inherited: inherited)
            }
            return
        }
        let start = output.count
        for node in nodes {
            let nodeStart = output.count
            render(node, indentation: indentation, inherited: inherited)
            if output.count > nodeStart, startsLine(at: nodeStart, after: start) {
                output.insert(contentsOf: indentation, at: nodeStart)
            }
        }
    }

    /// True when what this render wrote before `position` ends with a line feed that is a
    /// line of its own (swift-mustache compares the last `Character`, and `\r\n` is one).
    private func startsLine(at position: Int, after start: Int) -> Bool {
        guard position > start, output[position - 1] == UInt8(ascii: "\n") else { return false }
        return position - 1 == start || output[position - 2] != UInt8(ascii: "\r")
    }

    private mutating func render(_ node: RenderPlan.Node, indentation: [UInt8], inherited: [String: [RenderPlan.Node]]?) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            let text: String
            switch lookup(name) {
            case .absent: return
            case .text(let value): text = value
            case let other: text = String(describing: other.mustacheValue!)
            }
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }

        case .section(let name, let body):
            let value = lookup(name)
            switch value {
            case .absent:
                break
            case .flag(let flag):
                if flag { render(body, indentation: indentation, inherited: inherited) }
            case .list(let list):
                for position in 0..<list.count {
                    stack.append(list.element(at: position))
                    render(body, indentation: indentation, inherited: inherited)
                    stack.removeLast()
                }
            case .text, .model:
                stack.append(value)
                render(body, indentation: indentation, inherited: inherited)
                stack.removeLast()
            }

        case .invertedSection(let name, let body):
            let value = lookup(name)
            switch value {
            case .absent:
                render(body, indentation: indentation, inherited: inherited)
            case .flag(let flag):
                if !flag { render(body, indentation: indentation, inherited: inherited) }
            case .list(let list):
                if list.count == 0 {
                    stack.append(value)
                    render(body, indentation: indentation, inherited: inherited)
                    stack.removeLast()
                }
            case .text, .model:
                break
            }

        case .partial(let template, let indented, let overrides):
            guard let template else { return }
            var merged = inherited
            if let overrides {
                merged = inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(templates[template], indentation: indented.map { indentation + $0 } ?? indentation, inherited: merged)

        case .block(let name, let defaults, let indented):
            render(inherited?[name] ?? defaults, indentation: indentation + indented, inherited: inherited)
        }
    }

    private func lookup(_ name: TemplateName) -> TemplateValue {
        let parts = name.parts
        guard let first = parts.first else { return stack[stack.count - 1] }
        if name.fromTop {
            return resolve(parts[...], in: stack[stack.count - 1])
        }
        var level = stack.count - 1
        while level >= 0 {
            if case .model(let model) = stack[level] {
                let found = model.value(named: first)
                if case .absent = found {} else {
                    return parts.count == 1 ? found : resolve(parts[1...], in: found)
                }
            }
            level -= 1
        }
        return .absent
    }

    private func resolve(_ parts: ArraySlice<String>, in value: TemplateValue) -> TemplateValue {
        var value = value
        for part in parts {
            guard case .model(let model) = value else { return .absent }
            value = model.value(named: part)
        }
        return value
    }
}
