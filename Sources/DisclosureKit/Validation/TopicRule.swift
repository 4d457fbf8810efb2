extension RecordRules {
    /// `record.topic`: with `site.yaml`'s `topics` set, a record's topic is one of them,
    /// reported at the value with the nearest declared topic. Without the list it is
    /// free text and nothing is checked.
    mutating func checkTopic(_ topic: Located<String>?) {
        guard let topic, let topics = site.topics, !topics.contains(topic.value) else { return }
        if let group = topics.group(named: topic.value) {
            reader.report(.recordTopic, topic.location, field: "topic",
                          Phrase("'topic'（主题分类）'\(topic.value)' 是 'site.yaml' 中 topics 的一个分组，不是主题；请选择其中的一个主题：\(group.topics.joined(separator: "、"))",
                                 en: "'topic' (主题分类) '\(topic.value)' is a group of site.yaml's topics, not a topic; choose one of its topics: \(group.topics.joined(separator: ", "))"))
            return
        }
        let hint = topics.suggestion(for: topic.value).map { Phrase("；是否应为 '\($0)'？", en: "; did you mean '\($0)'?") }
            ?? Phrase("（主题有：\(topics.all.prefix(12).joined(separator: "、"))\(topics.all.count > 12 ? "……" : "")）",
                      en: " (the topics are \(topics.all.prefix(12).joined(separator: ", "))\(topics.all.count > 12 ? ", ..." : ""))")
        reader.report(.recordTopic, topic.location, field: "topic",
                      Phrase("'topic'（主题分类）'\(topic.value)' 不在 'site.yaml' 的 topics 中",
                             en: "'topic' (主题分类) '\(topic.value)' is not in site.yaml's topics") + hint)
    }
}
