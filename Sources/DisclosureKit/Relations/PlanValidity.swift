extension SitePlan {
    /// The days on which some public policy's shown 有效性 changes (`ValidityTerms.changesOn`).
    var validityChanges: [CalendarDate] {
        PolicyValidity.changes(self)
    }
}
