import CYaml

/// Builds the `YAMLNode` tree straight from libyaml's events (Yams' own libyaml, its
/// `CYaml` module), within the reader's limits.
///
/// Yams' composer made a `Node` with a `Tag` object per value, an event object per event,
/// and hashed every mapping's keys to find duplicates; converting its tree took another
/// pass. Here each event becomes its `YAMLNode` as it comes, and the rules the reader
/// keeps are applied on the way: keys are plain text compared by their text alone (the
/// second occurrence is reported, where it is), no value nests deeper than `maximumDepth`
/// and no more than `maximumNodes` values are made, aliases expanded. Must stay true: a
/// tree equal to the one Yams' `compose(yaml:, .basic)` gives, converted (the tests
/// compare the two over the sample site, every fuzz input and seeded slips); every
/// anchor is registered, a key's too, so that an alias never means an earlier anchor of
/// its name (`disclosure: *d` read as published where the last `&d` says withheld).
enum YAMLComposer {
    /// libyaml's report of a syntax error, as Yams gives it (`YamlError`): the problem and
    /// its place, and what was being read when it happened. Lines and columns are 1-based
    /// within the YAML text; columns count Unicode scalars, as libyaml does.
    struct SyntaxError: Error {
        enum Stage { case reader, scanner, parser, composer }
        var stage: Stage
        var problem: String
        var line: Int
        var column: Int
        var context: (text: String, line: Int)?
        /// For a reader error: the byte offset of the problem in the text.
        var offset: Int?
    }

    enum Failure: Error {
        case syntax(SyntaxError)
        /// A rule of the reader's (a duplicate key, a key that is not text, a limit).
        case refused(FrontMatterReader.Failure)
    }

    /// The one document of `text`, nil for a stream with none (empty or comments only).
    /// `lineShift` is added to every line, so locations are the file's.
    static func compose(_ text: String, lineShift: Int) throws(Failure) -> YAMLNode? {
        var text = text
        // (`withUTF8` rethrows untyped errors: the result comes out as a value.)
        let result = text.withUTF8 { bytes -> Result<YAMLNode?, Failure> in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(.syntax(SyntaxError(stage: .reader, problem: "out of memory", line: 1, column: 1)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var composer = Composer(lineShift: lineShift)
            do throws(Failure) {
                return .success(try composer.run(&parser))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private struct Built {
        var node: YAMLNode
        /// Values it counts for, aliases expanded (a mapping's keys count one each).
        var count: Int
        /// Levels below it: 0 for a scalar.
        var height: Int
    }

    private struct Open {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var items: [YAMLNode] = []
        var entries: [YAMLEntry] = []
        var key: (text: String, location: SourceLocation)?
        /// Keys seen, by text, once a mapping has many (a few are compared in a loop).
        var keyIndex: [String: SourceLocation]?
        var count = 1
        var height = 0
    }

    private struct Composer {
        let lineShift: Int
        var stack: [Open] = []
        var anchors: [String: Built] = [:]
        var nodes = 0
        var root: YAMLNode?

        init(lineShift: Int) {
            self.lineShift = lineShift
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(line: Int(mark.line) + 1 + lineShift, column: Int(mark.column) + 1)
        }

        mutating func run(_ parser: inout yaml_parser_t) throws(Failure) -> YAMLNode? {
            var documents = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { throw .syntax(Self.error(parser)) }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        throw .syntax(SyntaxError(stage: .composer, problem: "but found another document",
                                                  line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                                  context: ("expected a single document in the stream", 1)))
                    }
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let here = location(event.start_mark)
                    let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                    let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                    let built = Built(node: YAMLNode(.scalar(text, plain: plain), at: here), count: 1, height: 0)
                    if expectsKey {
                        // A key's anchor names its text as any scalar's does (`&d withheld: 1`
                        // then `disclosure: *d`): a value read through it must be that text.
                        if let anchor = Self.text(scalar.anchor) { anchors[anchor] = built }
                        try takeKey(text, at: here, reportedAt: here)
                        continue
                    }
                    try admit(at: here, adding: 1, depth: stack.count)
                    try finish(built, anchor: Self.text(scalar.anchor))
                case YAML_ALIAS_EVENT:
                    let name = Self.text(event.data.alias.anchor) ?? ""
                    let here = location(event.start_mark)
                    guard let built = anchors[name] else {
                        throw .syntax(SyntaxError(stage: .composer, problem: "found undefined alias",
                                                  line: here.line - lineShift, column: here.column))
                    }
                    if expectsKey {
                        // An alias of a text is that text, kept with the place the text was
                        // written (as Yams' tree has it); of a list or mapping, refused. Either
                        // is reported at the alias, the key to change.
                        guard case .scalar(let text, _) = built.node.value else {
                            let isMapping = if case .mapping = built.node.value { true } else { false }
                            throw .refused(Self.keyNotText(isMapping: isMapping, at: here))
                        }
                        try takeKey(text, at: built.node.location, reportedAt: here)
                        continue
                    }
                    try admit(at: here, adding: built.count, depth: stack.count)
                    if stack.count + built.height > FrontMatterReader.maximumDepth {
                        throw .refused(Self.tooDeep(at: Self.firstNode(in: built.node, deeperThan: FrontMatterReader.maximumDepth - stack.count) ?? here))
                    }
                    try finish(built, anchor: nil)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let here = location(event.start_mark)
                    if expectsKey { throw .refused(Self.keyNotText(isMapping: isMapping, at: here)) }
                    try admit(at: here, adding: 1, depth: stack.count)
                    let anchor = isMapping ? Self.text(event.data.mapping_start.anchor) : Self.text(event.data.sequence_start.anchor)
                    stack.append(Open(isMapping: isMapping, location: here, anchor: anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let open = stack.popLast() else { continue }
                    let value: YAMLNode.Value = open.isMapping ? .mapping(open.entries) : .sequence(open.items)
                    try finish(Built(node: YAMLNode(value, at: open.location), count: open.count, height: open.height),
                               anchor: open.anchor)
                default:
                    continue
                }
            }
        }

        /// True when the next value is a key of the innermost open mapping.
        var expectsKey: Bool {
            guard let open = stack.last else { return false }
            return open.isMapping && open.key == nil
        }

        /// Takes `key` as the next key of the innermost mapping: text, compared by its
        /// text alone, counted as one value.
        mutating func takeKey(_ key: String, at here: SourceLocation, reportedAt written: SourceLocation) throws(Failure) {
            let last = stack.count - 1
            try Self.checkNewKey(key, at: here, reportedAt: written, in: &stack[last])
            stack[last].key = (key, here)
            stack[last].count += 1
            nodes += 1
        }

        /// Counts `adding` values made at depth `depth`, within the limits.
        mutating func admit(at here: SourceLocation, adding: Int, depth: Int) throws(Failure) {
            nodes += adding
            guard nodes <= FrontMatterReader.maximumNodes else {
                throw .refused(.tooComplex(
                    reason: Phrase("前置信息展开后超过 \(FrontMatterReader.maximumNodes) 个值（别名展开？），不予接受",
                                   en: "the front matter expands to more than \(FrontMatterReader.maximumNodes) values (alias expansion?); refused"),
                    at: here))
            }
            guard depth <= FrontMatterReader.maximumDepth else { throw .refused(Self.tooDeep(at: here)) }
        }

        /// Hands a finished value to the collection it is in, or makes it the root.
        mutating func finish(_ built: Built, anchor: String?) throws(Failure) {
            if let anchor { anchors[anchor] = built }
            guard var open = stack.popLast() else {
                root = built.node
                return
            }
            open.count += built.count
            open.height = max(open.height, built.height + 1)
            if open.isMapping {
                // A key is always set here: a value that is not a scalar key is refused above.
                if let key = open.key {
                    open.entries.append(YAMLEntry(key: key.text, keyLocation: key.location, value: built.node))
                    open.key = nil
                }
            } else {
                open.items.append(built.node)
            }
            stack.append(open)
        }

        /// Refuses `key` when `open` has it already, reported at `written`: the second
        /// occurrence is the one to delete. `here` is the place the key is kept with.
        static func checkNewKey(_ key: String, at here: SourceLocation, reportedAt written: SourceLocation,
                                in open: inout Open) throws(Failure) {
            if open.keyIndex == nil, open.entries.count >= 16 {
                var index: [String: SourceLocation] = [:]
                for entry in open.entries where index[entry.key] == nil { index[entry.key] = entry.keyLocation }
                open.keyIndex = index
            }
            let first: SourceLocation?
            if open.keyIndex != nil {
                first = open.keyIndex?[key]
                if first == nil { open.keyIndex?[key] = here }
            } else {
                first = open.entries.first { $0.key == key }?.keyLocation
            }
            if let first { throw .refused(.duplicateKey(key: key, at: written, firstAt: first)) }
        }

        static func keyNotText(isMapping: Bool, at here: SourceLocation) -> FrontMatterReader.Failure {
            .syntax(message: Phrase("字段名必须是纯文本，不能是\(isMapping ? "映射" : "列表")",
                                    en: "a key must be plain text, not \(isMapping ? "a mapping" : "a list")"),
                    at: here)
        }

        static func tooDeep(at here: SourceLocation) -> FrontMatterReader.Failure {
            .tooComplex(reason: Phrase("前置信息嵌套超过 \(FrontMatterReader.maximumDepth) 层，不予接受",
                                       en: "the front matter nests deeper than \(FrontMatterReader.maximumDepth) levels; refused"),
                        at: here)
        }

        /// The first node of `node`, in the order written, more than `levels` below it.
        static func firstNode(in node: YAMLNode, deeperThan levels: Int) -> SourceLocation? {
            guard levels >= 0 else { return node.location }
            switch node.value {
            case .scalar: return nil
            case .sequence(let items):
                for item in items { if let found = firstNode(in: item, deeperThan: levels - 1) { return found } }
            case .mapping(let entries):
                for entry in entries { if let found = firstNode(in: entry.value, deeperThan: levels - 1) { return found } }
            }
            return nil
        }

        static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }

        static func error(_ parser: yaml_parser_t) -> SyntaxError {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            let mark = parser.problem_mark
            let context = parser.context.map { (text: String(cString: $0), line: Int(parser.context_mark.line) + 1) }
            switch parser.error {
            case YAML_READER_ERROR:
                return SyntaxError(stage: .reader, problem: problem, line: 1, column: 1, offset: parser.problem_offset)
            case YAML_SCANNER_ERROR:
                return SyntaxError(stage: .scanner, problem: problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1, context: context)
            case YAML_PARSER_ERROR:
                return SyntaxError(stage: .parser, problem: problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1, context: context)
            default:
                return SyntaxError(stage: .composer, problem: problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1, context: context)
            }
        }
    }
}
