import CYaml

/// A pass over libyaml's event stream that finds mapping keys written with a YAML tag
/// (`!x disclosure:`, `!<tag:...> disclosure:`, `? !x disclosure`).
///
/// Yams counts two keys as duplicates only when their tags match too, and the record
/// reader takes a key's first occurrence, so `!x disclosure: proactive` above
/// `disclosure: on-request` would be read as proactive. Keys are judged by their text
/// alone, and a tag on a key is refused whatever it is: Yams' composed nodes cannot tell
/// `!!str "key"` from `"key"`, so the events are the only place every tag shows.
enum KeyTags {
    struct TaggedKey: Equatable {
        /// The key's text, or a word for a list or mapping used as a key.
        var key: String
        var tag: String
        /// Where the key (its tag) starts, 1-based within the YAML text.
        var location: SourceLocation
    }

    /// Every tagged key, in the order written; empty for a syntax error (Yams reports it).
    static func find(in yaml: String) -> [TaggedKey] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> [TaggedKey] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Open collections: whether each is a mapping, and how many nodes it holds so
            // far (in a mapping, an even count means the next node is a key).
            var open: [(isMapping: Bool, nodes: Int)] = []
            var found: [TaggedKey] = []
            func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: $0) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return [] }
                defer { yaml_event_delete(&event) }
                let isKey = open.last.map { $0.isMapping && $0.nodes % 2 == 0 } ?? false
                var tag: String?
                var key = ""
                var startsNode = true
                switch event.type {
                case YAML_SCALAR_EVENT:
                    tag = text(event.data.scalar.tag)
                    let scalar = event.data.scalar
                    key = scalar.value.map { pointer in
                        String(decoding: UnsafeBufferPointer(start: pointer, count: Int(scalar.length)), as: UTF8.self)
                    } ?? ""
                case YAML_ALIAS_EVENT:
                    key = "*" + (text(event.data.alias.anchor) ?? "")
                case YAML_SEQUENCE_START_EVENT:
                    tag = text(event.data.sequence_start.tag)
                    key = "(a list)"
                case YAML_MAPPING_START_EVENT:
                    tag = text(event.data.mapping_start.tag)
                    key = "(a mapping)"
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    startsNode = false
                    open.removeLast()
                case YAML_STREAM_END_EVENT:
                    return found
                default:
                    startsNode = false
                }
                guard startsNode else { continue }
                if !open.isEmpty { open[open.count - 1].nodes += 1 }
                if isKey, let tag {
                    let mark = event.start_mark
                    found.append(TaggedKey(key: key, tag: tag,
                                           location: SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)))
                }
                if event.type == YAML_SEQUENCE_START_EVENT { open.append((false, 0)) }
                if event.type == YAML_MAPPING_START_EVENT { open.append((true, 0)) }
            }
        }
    }
}
