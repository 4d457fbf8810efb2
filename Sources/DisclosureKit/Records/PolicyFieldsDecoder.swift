/// Reads a policy's 文号, 有效性 and `repealed_by`.
enum PolicyFieldsDecoder {
    static func decode(_ top: FieldMapping, _ reader: inout FieldReader)
        -> (details: PolicyDetails?, repealedBy: Located<String>?) {
        let documentNumber = reader.string(top, "document_number", required: true)
        let status = reader.enumeration(top, "status", required: false, [
            (PolicyStatus.effective, ["effective", "有效"]),
            (PolicyStatus.expired, ["expired", "失效"]),
            (PolicyStatus.repealed, ["repealed", "废止"]),
        ])
        let repealedBy = reader.string(top, "repealed_by", required: false)
        let statusValue = status?.value ?? .effective
        if let repealedBy, statusValue != .repealed, status != nil || top.entry("status") == nil {
            reader.report(.policyRepealedBy, repealedBy.location, field: "repealed_by",
                          "'repealed_by' is only for a policy with 'status: repealed' (废止), but this one is \(statusValue.rawValue) (\(statusValue.chineseName))")
        }
        guard let documentNumber else { return (nil, repealedBy) }
        let details = PolicyDetails(documentNumber: documentNumber.value, status: statusValue, repealedBy: repealedBy?.value)
        return (details, repealedBy)
    }
}
