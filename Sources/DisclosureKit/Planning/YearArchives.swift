extension SitePlan {
    /// The year archives of one section: for each year its records carry (`listYear`),
    /// newest year first, the section's records of that year in section order, `pageSize`
    /// a page (`YearArchivePaths`).
    static func yearArchives(_ type: RecordType, _ section: [Int], _ pages: [RecordPage])
        -> (pages: [ListPage], years: [(year: Int, count: Int)]) {
        var years: [Int] = []
        var byYear: [Int: [Int]] = [:]
        for index in section {
            let year = pages[index].record.listYear
            if byYear[year] == nil { years.append(year) }
            byYear[year, default: []].append(index)
        }
        var lists: [ListPage] = []
        for year in years.sorted(by: >) {
            let indices = byYear[year]!
            let count = (indices.count + pageSize - 1) / pageSize
            for number in 1...count {
                lists.append(ListPage(type: type, year: year, number: number, pageCount: count,
                                      path: YearArchivePaths.path(type, year: year, page: number),
                                      records: Array(indices.dropFirst((number - 1) * pageSize).prefix(pageSize))))
            }
        }
        return (lists, years.sorted(by: >).map { ($0, byYear[$0]!.count) })
    }

    /// The path of page `number` of the list `list` belongs to (the section's or a year's).
    static func path(of list: ListPage, page number: Int) -> String {
        if let year = list.year { return YearArchivePaths.path(list.type, year: year, page: number) }
        return listPath(list.type, page: number)
    }
}
