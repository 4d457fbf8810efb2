/// `late_reason:` (逾期公开说明): a record's acknowledgement that it was published after
/// the timeliness limit. The lateness stays in every report, as a note naming the reason,
/// so that `--strict` passes on a lateness the office has explained; a reason on a record
/// that is not late is a stale acknowledgement and a warning, so it cannot hide a later
/// lateness of another cause unseen.
enum LateReason {
    static func report(_ reason: Located<String>?, late: (message: Phrase, location: SourceLocation)?,
                       _ reader: inout FieldReader) {
        guard let reason else { return }
        let text = reason.value.trimmed
        if let late, text.isEmpty {
            reader.report(.timelinessLate, late.location, field: "published",
                          late.message + Phrase("；'late_reason'（逾期公开说明）为空，未说明任何理由",
                                                en: "; 'late_reason' (逾期公开说明) is empty, so it acknowledges nothing"))
        } else if let late {
            reader.report(.timelinessAcknowledged, late.location, field: "published",
                          late.message + Phrase("；已说明逾期理由（late_reason）：\(text)", en: "; acknowledged (late_reason): \(text)"))
        } else if text.isEmpty {
            reader.report(.timelinessLate, reason.location, field: "late_reason",
                          Phrase("'late_reason'（逾期公开说明）为空；请写明逾期公开的原因，或删除该字段",
                                 en: "'late_reason' (逾期公开说明) is empty; write the reason a late publication was late, or remove the key"))
        } else {
            reader.report(.timelinessLate, reason.location, field: "late_reason",
                          Phrase("'late_reason'（逾期公开说明）用于说明逾期公开，但本记录在时限内发布（或没有可供判断的 'created'/'published'）；请删除该字段",
                                 en: "'late_reason' (逾期公开说明) acknowledges a late publication, but this record is published within the limit (or has no 'created'/'published' to judge); remove it"))
        }
    }
}
