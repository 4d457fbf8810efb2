/// Templates that include themselves through partials and parents. The page models hold no
/// recursion, and a name found once is found again from deeper in the stack, so such a
/// template never stops rendering: the build would exhaust its stack and crash. Each cycle
/// is reported once, at its first template's tag that leads into it.
enum PartialCycles {
    /// `references`: each parsed template's partials and parents, as the parser read them
    /// (in any delimiters); `origins`: each template's file as a diagnostic names it.
    static func diagnostics(references parsed: [String: [(name: String, location: SourceLocation)]],
                            origins: [String: String]) -> [Diagnostic] {
        let references = parsed.mapValues { $0.filter { parsed[$0.name] != nil } }
        var reported = Set<Set<String>>()
        var diagnostics: [Diagnostic] = []
        for start in references.keys.sorted() {
            guard let cycle = path(from: start, to: start, references: references) else { continue }
            let members = Set(cycle)
            guard reported.insert(members).inserted else { continue }
            let chain = ([start] + cycle).joined(separator: " → ")
            let first = references[start]!.first { $0.name == cycle[0] }!
            diagnostics.append(Rule.templateUnsupported.diagnostic(origins[start] ?? start, first.location,
                Phrase("模板 '\(start)' 经由 \(chain) 引用回自身；渲染永远不会结束",
                       en: "the template '\(start)' includes itself (\(chain)); rendering it would never end")))
        }
        return diagnostics
    }

    /// The names from `from`'s references to `target`, breadth first (the shortest way).
    private static func path(from: String, to target: String, references: [String: [(name: String, location: SourceLocation)]]) -> [String]? {
        var queue: [[String]] = (references[from] ?? []).map { [$0.name] }
        var seen = Set<String>()
        while !queue.isEmpty {
            let way = queue.removeFirst()
            let last = way[way.count - 1]
            if last == target { return way }
            guard seen.insert(last).inserted else { continue }
            queue += (references[last] ?? []).map { way + [$0.name] }
        }
        return nil
    }
}
