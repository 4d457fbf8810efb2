/// 三同步: a 政策解读 is published with its policy, at most `interpretation_working_days`
/// working days after it (the day itself does not count, as for `timeliness.late`).
enum InterpretationTimeliness {
    /// The field naming the policy, which the rule set `interpretation_timeliness` reads.
    static let field = "interprets"

    struct Lateness: Equatable {
        /// Working days after the policy's publication.
        var workingDays: Int
        /// The last day the interpretation was in time.
        var due: CalendarDate
    }

    /// How late an interpretation published on `interpretation` is, its policy published on
    /// `policy`; nil when in time (an interpretation published first is in time).
    static func lateness(policy: CalendarDate, interpretation: CalendarDate, limit: Int,
                         calendar: WorkingDayCalendar) -> Lateness? {
        let days = calendar.workingDays(after: policy, through: interpretation)
        guard days > limit else { return nil }
        return Lateness(workingDays: days, due: calendar.adding(workingDays: limit, to: policy))
    }

    static func message(_ lateness: Lateness, interpretation: CalendarDate, policy: CalendarDate, policyFile: String,
                        limit: Int) -> Phrase {
        Phrase("\(interpretation) 发布，距其政策文件（\(policyFile)，\(policy) 发布）已 \(lateness.workingDays) 个工作日；"
                + "三同步要求最多 \(limit) 个工作日（interpretation_working_days；最迟 \(lateness.due)）",
               en: "published \(interpretation), \(lateness.workingDays) working days after its policy (\(policyFile), published \(policy)); "
                + "三同步 asks for at most \(limit) working days (interpretation_working_days; due \(lateness.due))")
    }
}
