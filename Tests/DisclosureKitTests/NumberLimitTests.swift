import Testing
@testable import DisclosureKit

/// The bounds on numbers read from content are what keeps the rules' arithmetic (sums of
/// budget lines in cents, report totals) from overflowing.
@Suite struct NumberLimitTests {
    @Test func theLargestSumsAFrontMatterCanHoldFitInSixtyFourBits() {
        let values = Int64(FrontMatterReader.maximumNodes)
        let (cents, centsOverflow) = Int64(FieldReader.maximumAmount).multipliedReportingOverflow(by: 100)
        #expect(!centsOverflow)
        #expect(!cents.multipliedReportingOverflow(by: values).overflow)
        #expect(!Int64(FieldReader.maximumWholeNumber).multipliedReportingOverflow(by: values).overflow)
        // Cents are computed from a Double: exact while below 2^53.
        #expect(cents < 1 << 53)
    }

    @Test func numbersTooLongToReadAreOutOfRangeNotTypos() {
        #expect(FieldReader.isSignedDigits("99999999999999999999999"))
        #expect(FieldReader.isDecimalShaped("9999999999999999999.99"))
        #expect(!FieldReader.isDecimalShaped("12.3.4"))
        #expect(!FieldReader.isDecimalShaped("1e9"))
        #expect(!FieldReader.isDecimalShaped("1."))
        #expect(FieldReader.parseDecimal("9999999999999999999.99") == nil)
    }

    @Test func recordSizesAreBytesKiBOrMiB() {
        #expect(SiteConfigDecoder.parseSize("4 MiB") == 4 * 1024 * 1024)
        #expect(SiteConfigDecoder.parseSize("512KiB") == 512 * 1024)
        #expect(SiteConfigDecoder.parseSize("2048") == 2048)
        #expect(SiteConfigDecoder.parseSize("4 GiB") == nil)
        #expect(SiteConfigDecoder.parseSize("-1 MiB") == nil)
        #expect(SiteConfigDecoder.parseSize("99999999999999999999 MiB") == nil)
        #expect(SiteConfig.describeSize(4 * 1024 * 1024) == "4 MiB")
    }
}
