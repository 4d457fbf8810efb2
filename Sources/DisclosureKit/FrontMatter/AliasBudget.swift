import CYaml

/// A pass over libyaml's event stream, before Yams composes anything, that bounds how
/// large the front matter becomes once aliases are expanded. Yams composes aliases as
/// shared nodes (cheap), but then hashes mapping keys to find duplicates: an alias bomb
/// used as keys is expanded there, exponentially, before any other check can run.
/// (CYaml is the libyaml that Yams bundles and builds.)
enum AliasBudget {
    /// The first place where the expanded size passes `limit`, or nil when it stays within.
    static func firstExcess(in yaml: String, limit: Int) -> SourceLocation? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> SourceLocation? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchors: [String: Int] = [:]
            // Open collections: their anchor and size so far.
            var open: [(anchor: String?, size: Int)] = []
            var total = 0
            func add(_ size: Int) {
                if open.isEmpty { total = min(limit + 1, total + size) } else {
                    open[open.count - 1].size = min(limit + 1, open[open.count - 1].size + size)
                }
            }
            func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: $0) }
            }
            while true {
                var event = yaml_event_t()
                // A syntax error: Yams reports it, with its place, right after this.
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                switch event.type {
                case YAML_SCALAR_EVENT:
                    if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = 1 }
                    add(1)
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { break }
                    if let anchor = closed.anchor { anchors[anchor] = closed.size }
                    add(closed.size)
                case YAML_ALIAS_EVENT:
                    add(name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1)
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
                let largest = max(total, open.map(\.size).max() ?? 0)
                if largest > limit {
                    return SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                }
            }
        }
    }
}
