import Testing

@testable import EarshotReport

@Suite("Report target") struct ReportSmokeTests {}
