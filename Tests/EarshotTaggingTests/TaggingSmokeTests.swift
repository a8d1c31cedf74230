import Testing

@testable import EarshotTagging

@Suite("Tagging target") struct TaggingSmokeTests {}
