import Foundation

/// Reads a budget or final-accounts record and checks that its lines add up.
enum BudgetFieldsDecoder {
    static func decode(_ top: FieldMapping, _ reader: inout FieldReader) -> BudgetDetails? {
        let fiscalYear = reader.integer(top, "fiscal_year", required: true, in: 1949...2100)
        let kind = reader.enumeration(top, "kind", required: true, [
            (BudgetKind.budget, ["budget", "预算"]),
            (BudgetKind.finalAccounts, ["final-accounts", "决算"]),
        ])
        let department = reader.string(top, "department", required: true)
        let unit = reader.string(top, "unit", required: false)
        var revenue: Located<Amount>?
        var expenditure: Located<Amount>?
        if let totals = reader.mapping(top, "totals", required: true) {
            reader.checkUnknownKeys(totals, known: ["revenue", "expenditure"])
            revenue = reader.amount(totals, "revenue", required: true)
            expenditure = reader.amount(totals, "expenditure", required: true)
        }
        var lines: [BudgetLine]? = []
        if let (items, location) = reader.list(top, "lines", required: false) {
            for item in items {
                guard case .mapping(let entries) = item.value else {
                    reader.report(reader.type, item.location, field: "lines",
                                  "each item of 'lines' (支出明细) must be a mapping {name: ..., amount: ...}, not \(item.kindDescription)")
                    lines = nil
                    continue
                }
                let map = FieldMapping(entries: entries, path: "lines", anchor: item.location)
                reader.checkUnknownKeys(map, known: ["name", "amount"])
                let name = reader.string(map, "name", required: true)
                let amount = reader.amount(map, "amount", required: true)
                if let name, let amount {
                    lines?.append(BudgetLine(name: name.value, amount: amount.value))
                } else {
                    lines = nil
                }
            }
            if let lines, !lines.isEmpty, let expenditure {
                // Cannot overflow: every amount is at most FieldReader.maximumAmount.
                let sum = lines.reduce(Int64(0)) { $0 + $1.amount.cents }
                if sum != expenditure.value.cents {
                    let difference = Double(sum - expenditure.value.cents) / 100
                    reader.report(.budgetLinesSum, location, field: "lines",
                                  "the lines (支出明细) add up to \(formatCents(sum)) but totals.expenditure (支出总计) is \(expenditure.value.text) (difference \(String(format: "%+.2f", difference)))")
                }
            }
        }
        var threePublic: ThreePublicFunds?
        var threePublicOK = true
        if let map = reader.mapping(top, "three_public", required: false) {
            reader.checkUnknownKeys(map, known: ["receptions", "vehicles", "overseas_travel"])
            let receptions = reader.amount(map, "receptions", required: true)
            let vehicles = reader.amount(map, "vehicles", required: true)
            let travel = reader.amount(map, "overseas_travel", required: true)
            if let receptions, let vehicles, let travel {
                threePublic = ThreePublicFunds(receptions: receptions.value, vehicles: vehicles.value, overseasTravel: travel.value)
            } else {
                threePublicOK = false
            }
        }
        guard let fiscalYear, let kind, let department, let revenue, let expenditure, let lines, threePublicOK else {
            return nil
        }
        return BudgetDetails(fiscalYear: fiscalYear.value, kind: kind.value, department: department.value,
                             unit: unit?.value ?? "万元", revenue: revenue.value, expenditure: expenditure.value,
                             lines: lines, threePublic: threePublic)
    }

    static func formatCents(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
