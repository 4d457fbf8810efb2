/// Reads the eight disclosures (八公开) of an administrative-approval service guide.
enum GuideFieldsDecoder {
    static func decode(_ top: FieldMapping, _ reader: inout FieldReader) -> GuideDetails? {
        let legalBasis = reader.textOrList(top, "legal_basis", required: true)
        let conditions = reader.textOrList(top, "conditions", required: true)
        let materials = reader.stringList(top, "materials", required: true, nonEmpty: true)
        let procedure = reader.textOrList(top, "procedure", required: true)
        var days: (statutory: Int, promised: Int)?
        if let limit = reader.mapping(top, "time_limit", required: true) {
            reader.checkUnknownKeys(limit, known: ["statutory_days", "promised_days"])
            let statutory = reader.integer(limit, "statutory_days", required: true, in: -FieldReader.maximumWholeNumber...FieldReader.maximumWholeNumber)
            let promised = reader.integer(limit, "promised_days", required: true, in: -FieldReader.maximumWholeNumber...FieldReader.maximumWholeNumber)
            if let statutory, let promised {
                if promised.value <= 0 {
                    reader.report(.guideTimeLimit, promised.location, field: "time_limit.promised_days",
                                  "promised_days (承诺时限) must be more than 0, not \(promised.value)")
                } else if promised.value > statutory.value {
                    reader.report(.guideTimeLimit, promised.location, field: "time_limit.promised_days",
                                  "promised_days (承诺时限) \(promised.value) is more than statutory_days (法定时限) \(statutory.value); the promise must not exceed the law")
                } else {
                    days = (statutory.value, promised.value)
                }
            }
        }
        var fees: (basis: String?, standard: String)?
        if let map = reader.mapping(top, "fees", required: true) {
            reader.checkUnknownKeys(map, known: ["basis", "standard"])
            if let standard = reader.string(map, "standard", required: true) {
                let free = GuideDetails.isFree(standard.value)
                let basis = reader.string(map, "basis", required: !free)
                if free || basis != nil { fees = (basis?.value, standard.value) }
            }
        }
        let window = reader.string(top, "window", required: true)
        guard let legalBasis, let conditions, let materials, let procedure, let days, let fees, let window else {
            return nil
        }
        return GuideDetails(legalBasis: legalBasis, conditions: conditions, materials: materials, procedure: procedure,
                            statutoryDays: days.statutory, promisedDays: days.promised, feeBasis: fees.basis,
                            feeStandard: fees.standard, window: window.value)
    }
}
