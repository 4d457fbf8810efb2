extension RecordRules {
    /// `record.topic`: with `site.yaml`'s `topics` set, a record's topic is one of them,
    /// reported at the value with the nearest declared topic. Without the list it is
    /// free text and nothing is checked.
    mutating func checkTopic(_ topic: Located<String>?) {
        guard let topic, let topics = site.topics, !topics.contains(topic.value) else { return }
        if let group = topics.group(named: topic.value) {
            reader.report(.recordTopic, topic.location, field: "topic",
                          "'topic' (主题分类) '\(topic.value)' is a group of site.yaml's topics, not a topic; choose one of its topics: \(group.topics.joined(separator: ", "))")
            return
        }
        let hint = topics.suggestion(for: topic.value).map { "; did you mean '\($0)'?" }
            ?? " (the topics are \(topics.all.prefix(12).joined(separator: ", "))\(topics.all.count > 12 ? ", ..." : ""))"
        reader.report(.recordTopic, topic.location, field: "topic",
                      "'topic' (主题分类) '\(topic.value)' is not in site.yaml's topics\(hint)")
    }
}
