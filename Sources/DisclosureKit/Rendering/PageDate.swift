/// How dates are written on pages (`date_style` in `site.yaml`). Only pages: the CSV and
/// JSON catalogs, the sitemap, the feed and every `datetime` attribute keep ISO dates,
/// which programs read.
public enum DateStyle: String, Sendable, CaseIterable {
    /// 2012-05-08 (the default).
    case iso
    /// 2012年5月8日: no leading zeros, as documents and newspapers print dates.
    case chinese

    /// `date` as a page shows it. Every date a page shows goes through here.
    public func text(_ date: CalendarDate) -> String {
        switch self {
        case .iso: return date.description
        case .chinese: return "\(date.year)年\(date.month)月\(date.day)日"
        }
    }
}

extension SiteConfig {
    /// `date` written in the site's `date_style`, for a page.
    public func pageDate(_ date: CalendarDate) -> String {
        dateStyle.text(date)
    }
}
