/// `topics:` in `site.yaml`: the controlled list of 主题分类 a record's `topic` must come
/// from. Each item is a topic, or a group (a one-key mapping from the group's name to
/// its topics) that only heads its topics on the catalog page and is not a topic itself:
///
///     topics:
///       - 综合政务: [政务公开, 政务服务]
///       - 财政预决算
///
/// Without the list, `topic` is free text, as it always was.
public struct SiteTopics: Sendable, Hashable {
    public struct Group: Sendable, Hashable {
        /// Nil for topics listed outside any group.
        public var name: String?
        public var topics: [String]
    }

    public var groups: [Group]
    /// Every topic in declared order.
    public var all: [String] { groups.flatMap(\.topics) }

    public init(groups: [Group]) {
        self.groups = groups
    }

    public func contains(_ topic: String) -> Bool { groups.contains { $0.topics.contains(topic) } }

    /// The group named `name`, when a record names a group instead of one of its topics.
    public func group(named name: String) -> Group? { groups.first { $0.name == name } }

    /// The declared topic nearest to `text`: by edit distance for a typo, and by shared
    /// characters for Chinese, where a wrong or missing character (`财政预算` for
    /// `财政预决算`) or another word order is the usual mistake and an edit distance of
    /// two is already half the name.
    public func suggestion(for text: String) -> String? {
        let wanted = Set(text)
        var best: (topic: String, shared: Int, distance: Int)?
        for topic in all {
            let distance = NearestKey.editDistance(text, topic)
            let shared = wanted.intersection(topic).count
            let nearByEdits = distance <= max(1, text.count / 3)
            // Half of the shorter name's characters in common, for a name of two or more.
            let nearByCharacters = shared >= 2 && shared * 2 >= min(wanted.count, Set(topic).count)
            guard nearByEdits || nearByCharacters else { continue }
            if let current = best, (current.shared, -current.distance) >= (shared, -distance) { continue }
            best = (topic, shared, distance)
        }
        return best?.topic
    }
}

extension SiteTopics {
    /// Reads `topics:`; every problem is `site.invalid` at its item.
    static func decode(_ reader: inout FieldReader, _ top: FieldMapping) -> SiteTopics? {
        guard let (items, location) = reader.list(top, "topics", required: false) else { return nil }
        var groups: [Group] = []
        var seen: [String: SourceLocation] = [:]
        func add(_ node: YAMLNode, to group: inout Group) {
            guard let text = reader.scalarText(node, path: "topics", expected: Phrase("主题分类名称", en: "a topic's name"))?.trimmed else { return }
            guard !text.isEmpty else {
                reader.report(.siteInvalid, node.location, field: "topics", Phrase("'topics' 中有空项", en: "'topics' has an empty item"))
                return
            }
            if let first = seen[text] {
                reader.report(.siteInvalid, node.location, field: "topics",
                              Phrase("主题分类 '\(text)' 列出了两次（第一次在第 \(first.line) 行）；一个主题分类是目录中的一项", en: "topic '\(text)' is listed twice (first at line \(first.line)); a topic is one entry of the catalog"))
                return
            }
            seen[text] = node.location
            group.topics.append(text)
        }
        for item in items {
            if case .mapping(let entries) = item.value {
                guard entries.count == 1, let entry = entries.first else {
                    reader.report(.siteInvalid, item.location, field: "topics",
                                  Phrase("'topics' 中的一组是一个 'name: [topics]' 对，不能是 \(entries.count) 个", en: "a group in 'topics' is one 'name: [topics]' pair, not \(entries.count)"))
                    continue
                }
                if let first = seen[entry.key] {
                    reader.report(.siteInvalid, entry.keyLocation, field: "topics",
                                  Phrase("'\(entry.key)' 列出了两次（第一次在第 \(first.line) 行）；组和主题分类的名称必须不同", en: "'\(entry.key)' is listed twice (first at line \(first.line)); a group and a topic need different names"))
                    continue
                }
                seen[entry.key] = entry.keyLocation
                var group = Group(name: entry.key, topics: [])
                guard case .sequence(let members) = entry.value.value, !members.isEmpty else {
                    reader.report(.siteInvalid, entry.value.location, field: "topics",
                                  Phrase("'topics' 中的组 '\(entry.key)' 必须列出其主题分类（'- name' 行或 [a, b]）", en: "the group '\(entry.key)' in 'topics' must list its topics ('- name' lines or [a, b])"))
                    continue
                }
                for member in members { add(member, to: &group) }
                groups.append(group)
            } else {
                if groups.last?.name == nil, !groups.isEmpty {
                    add(item, to: &groups[groups.count - 1])
                } else {
                    var group = Group(name: nil, topics: [])
                    add(item, to: &group)
                    groups.append(group)
                }
            }
        }
        if groups.allSatisfy({ $0.topics.isEmpty }) {
            reader.report(.siteInvalid, location, field: "topics", Phrase("'topics' 没有列出任何主题分类；请删除它，让 'topic' 可自由填写", en: "'topics' lists no topic; remove it to let 'topic' be free text"))
            return nil
        }
        return SiteTopics(groups: groups.filter { !$0.topics.isEmpty })
    }
}
