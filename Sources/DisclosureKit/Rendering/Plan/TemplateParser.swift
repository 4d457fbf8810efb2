/// A template parsed into the nodes the render plan compiles. It reads the text as
/// swift-mustache's parser does, rule for rule (standalone lines, the white space before a
/// tag, partial and block indentation, the lines of a block inside `{{<parent}}`), so that
/// the plan's output is byte for byte that library's; it runs only on a template that
/// library has already accepted, which gives the syntax errors. What the plan does not
/// support (see docs/templates.md) is refused here, with where it is.
indirect enum TemplateNode {
    case text(String)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, inverted: Bool, [TemplateNode])
    /// `{{>name}}` (no overrides) or `{{<name}}` (overrides by block name). The indentation
    /// is nil for a partial that does not stand alone on its line.
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}` outside `{{<parent}}`: the default a `{{<child}}` may override.
    case block(String, defaults: [TemplateNode], indentation: String)
    /// `{{$name}}` directly inside `{{<parent}}`: an override.
    case blockDefinition(String, [TemplateNode])
}

/// A name as a tag writes it: `.` (the top of the stack), `a.b.c` (`a` looked up the stack,
/// the rest inside it), or `.a.b` (from the top of the stack only).
struct TemplateName: Hashable {
    var parts: [String]
    /// True for `.` and for a name written with a leading dot.
    var fromTop: Bool

    init(_ written: String) {
        parts = written.split(separator: ".").map(String.init)
        fromTop = written.first == "."
    }
}

/// What the plan refuses in a template swift-mustache accepts, and where.
struct TemplateRefusal: Error {
    var construct: Phrase
    var location: SourceLocation
}

struct TemplateParser {
    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    /// Parsing stops at the first of these: swift-mustache accepted the text, so any other
    /// failure is a construct the plan leaves out.
    private struct Unexpected: Error {}

    private let characters: [Character]
    private var position = 0
    /// Every `{{>name}}` and `{{<name}}` read, in order, where its tag starts: in whatever
    /// delimiters were set, and never one inside a comment.
    private(set) var references: [(name: String, location: SourceLocation)] = []

    init(_ text: String) {
        characters = Array(text)
    }

    static func parse(_ text: String) throws(TemplateRefusal) -> [TemplateNode] {
        try parseWithReferences(text).nodes
    }

    /// The template's nodes, and the partials and parents it names (`references`).
    static func parseWithReferences(_ text: String) throws(TemplateRefusal)
        -> (nodes: [TemplateNode], references: [(name: String, location: SourceLocation)]) {
        var parser = TemplateParser(text)
        do {
            let nodes = try parser.parse(State())
            return (nodes, parser.references)
        } catch let refusal as TemplateRefusal {
            throw refusal
        } catch {
            throw TemplateRefusal(construct: Phrase("无法解析的写法", en: "a construct it cannot read"), location: parser.location(of: parser.position))
        }
    }

    // MARK: reading

    private var atEnd: Bool { position == characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func read(while set: Set<Character>) -> [Character] {
        let start = position
        while !atEnd, set.contains(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    private mutating func skipWhitespace() {
        while !atEnd, characters[position].isWhitespace { position += 1 }
    }

    private mutating func read(_ string: [Character]) -> Bool {
        guard position + string.count <= characters.count else { return false }
        guard Array(characters[position..<position + string.count]) == string else { return false }
        position += string.count
        return true
    }

    /// The line and column (in characters, from 1) of a position.
    func location(of position: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for character in characters[0..<min(position, characters.count)] {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(line: line, column: column)
    }

    // MARK: parsing

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !atEnd {
            if state.newLine {
                let whiteSpace = String(read(while: [" ", "\t"]))
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilDelimiterOrNewline(state)
            if current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = position - state.startDelimiter.count
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state, tagStart: tagStart)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let body = try parse(state.withSectionName(name, newLine: setNewLine))
                nodes.append(.section(TemplateName(name), inverted: inverted, body))

            case "/":
                position += 1
                let name = try parseName(state, tagStart: tagStart)
                guard name == state.sectionName else { throw Unexpected() }
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                return nodes

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName(state, tagStart: tagStart)
                if triple {
                    guard current == "}" else { throw Unexpected() }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false))

            case ">":
                position += 1
                skipWhitespace()
                if current == "*" {
                    throw TemplateRefusal(construct: Phrase("动态局部模板 {{>*name}}", en: "a dynamic partial {{>*name}}"), location: location(of: tagStart))
                }
                let name = try parsePartialName(state)
                references.append((name, location(of: tagStart)))
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                position += 1
                skipWhitespace()
                let name = try parsePartialName(state)
                if name.first == "*" {
                    throw TemplateRefusal(construct: Phrase("动态父模板 {{<*name}}", en: "a dynamic parent {{<*name}}"), location: location(of: tagStart))
                }
                references.append((name, location(of: tagStart)))
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                if isStandalone(state) {
                    setNewLine = true
                }
                let body = try parse(state.withInheritancePartial(name))
                var overrides: [String: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): overrides[block] = nodes
                    case .text: break
                    default: throw Unexpected()
                    }
                }
                nodes.append(.partial(name, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                position += 1
                let name = try parseName(state, tagStart: tagStart)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        nodes.append(.text(whiteSpaceBefore))
                    }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name, defaults: body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }

            case "=":
                position += 1
                try setDelimiters(&state)
                setNewLine = isStandalone(state)

            case "%":
                throw TemplateRefusal(construct: Phrase("配置标签 {{%…}}（如 CONTENT_TYPE）", en: "a configuration tag {{%…}} (such as CONTENT_TYPE)"), location: location(of: tagStart))

            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let name = try parseName(state, tagStart: tagStart)
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unexpected() }
        return nodes
    }

    private mutating func readUntilDelimiterOrNewline(_ state: State) -> String {
        let first = state.startDelimiter[0]
        var text = ""
        while !atEnd {
            let start = position
            while !atEnd, characters[position] != "\n", characters[position] != "\r\n", characters[position] != first {
                position += 1
            }
            text += String(characters[start..<position])
            if current.isNewline {
                break
            } else if current == first {
                if read(state.startDelimiter) { break }
                text.append(first)
                position += 1
            }
        }
        return text
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private mutating func parseName(_ state: State, tagStart: Int) throws -> String {
        skipWhitespace()
        let name = String(read(while: Self.nameCharacters))
        skipWhitespace()
        guard read(state.endDelimiter) else { throw Unexpected() }
        if name.contains("(") || name.contains(")") {
            throw TemplateRefusal(construct: Phrase("转换函数 name(value)", en: "a transform name(value)"), location: location(of: tagStart))
        }
        return name
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        skipWhitespace()
        let name = String(read(while: Self.partialNameCharacters))
        skipWhitespace()
        guard read(state.endDelimiter) else { throw Unexpected() }
        return name
    }

    private mutating func skipComment(_ state: State) throws {
        while !atEnd {
            if read(state.endDelimiter) { return }
            position += 1
        }
        throw Unexpected()
    }

    private mutating func setDelimiters(_ state: inout State) throws {
        skipWhitespace()
        var start: [Character] = []
        while !atEnd, !characters[position].isWhitespace { start.append(characters[position]); position += 1 }
        skipWhitespace()
        var end: [Character] = []
        while !atEnd, characters[position] != "=", !characters[position].isWhitespace { end.append(characters[position]); position += 1 }
        skipWhitespace()
        guard current == "=" else { throw Unexpected() }
        position += 1
        guard read(state.endDelimiter), !start.isEmpty, !end.isEmpty else { throw Unexpected() }
        state.startDelimiter = start
        state.endDelimiter = end
        state.isPartialDefinitionTopLevel = false
    }

    /// A tag alone on its line (nothing but spaces and tabs around it) takes its line's white
    /// space and line end with it.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        if probe < characters.count, characters[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }
}
