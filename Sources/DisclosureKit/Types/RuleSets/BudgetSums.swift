import Foundation

public struct BudgetLine: Sendable, Hashable {
    public var name: String
    public var amount: Amount
}

/// 三公经费: official receptions, vehicles, travel abroad.
public struct ThreePublicFunds: Sendable, Hashable {
    public var receptions: Amount
    public var vehicles: Amount
    public var overseasTravel: Amount
}

/// What the rule set `budget_sums` reads of a record: the figures of its budget table.
public struct BudgetDetails: Sendable, Hashable {
    public var fiscalYear: Int
    /// 预算 or 决算: the label of `kind`.
    public var kindName: String
    public var unit: String
    public var revenue: Amount
    public var expenditure: Amount
    public var lines: [BudgetLine]
    public var threePublic: ThreePublicFunds?
}

/// The rule set `budget_sums`: the lines (支出明细) add up to totals.expenditure.
enum BudgetSums {
    static func check(_ input: RuleSetInput, _ reader: inout FieldReader) {
        guard let rows = input.value("lines").rows, !rows.isEmpty,
              let expenditure = input.member("totals", "expenditure").amount,
              let amountIndex = input.declaration.field("lines")?.index(of: "amount") else { return }
        // Cannot overflow: every amount is at most FieldReader.maximumAmount.
        let sum = rows.reduce(Int64(0)) { $0 + ($1[amountIndex].amount?.cents ?? 0) }
        guard sum != expenditure.cents else { return }
        let difference = Double(sum - expenditure.cents) / 100
        reader.report(.budgetLinesSum, input.location("lines"), field: "lines",
                      Phrase("lines（支出明细）合计为 \(formatCents(sum))，但 totals.expenditure（支出总计）为 \(expenditure.text)（相差 \(String(format: "%+.2f", difference))）", en: "the lines (支出明细) add up to \(formatCents(sum)) but totals.expenditure (支出总计) is \(expenditure.text) (difference \(String(format: "%+.2f", difference)))"))
    }

    static func formatCents(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func details(_ record: Record) -> BudgetDetails? {
        let declaration = record.type.declaration
        guard declaration.applies(.budgetSums), let year = record.value("fiscal_year").number,
              let kind = record.value("kind").choice, let kindField = declaration.field("kind"),
              let totals = declaration.field("totals"), let values = record.value("totals").members,
              let revenue = values[totals.index(of: "revenue")!].amount,
              let expenditure = values[totals.index(of: "expenditure")!].amount,
              let linesField = declaration.field("lines"), let fundsField = declaration.field("three_public") else { return nil }
        let name = linesField.index(of: "name")!, amount = linesField.index(of: "amount")!
        let lines = (record.value("lines").rows ?? []).compactMap { row -> BudgetLine? in
            guard let text = row[name].text, let value = row[amount].amount else { return nil }
            return BudgetLine(name: text, amount: value)
        }
        var funds: ThreePublicFunds?
        if let members = record.value("three_public").members,
           let receptions = members[fundsField.index(of: "receptions")!].amount,
           let vehicles = members[fundsField.index(of: "vehicles")!].amount,
           let travel = members[fundsField.index(of: "overseas_travel")!].amount {
            funds = ThreePublicFunds(receptions: receptions, vehicles: vehicles, overseasTravel: travel)
        }
        return BudgetDetails(fiscalYear: year, kindName: kindField.enumLabel(kind),
                             unit: record.value("unit").text ?? "万元", revenue: revenue, expenditure: expenditure,
                             lines: lines, threePublic: funds)
    }
}
