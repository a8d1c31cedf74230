import Testing

@testable import EarshotTagging

@Suite("Classification report: precision, recall, F1, confusion")
struct ClassificationReportTests {
    @Test("worked example: 3 labels, counted by hand")
    func workedExample() {
        // gold:  a a a b b c
        // pred:  a a b b c c
        let report = ClassificationReport(
            gold: ["a", "a", "a", "b", "b", "c"], predicted: ["a", "a", "b", "b", "c", "c"], labelOrder: ["a", "b", "c"])
        #expect(report.labels == ["a", "b", "c"])
        #expect(report.confusion == [[2, 1, 0], [0, 1, 1], [0, 0, 1]])
        #expect(report.total == 6)
        #expect(report.correct == 4)
        #expect(abs(report.precision(of: "a") - 1.0) < 1e-9)
        #expect(abs(report.recall(of: "a") - 2.0 / 3) < 1e-9)
        #expect(abs(report.f1(of: "a") - 0.8) < 1e-9)  // 2·1·⅔ / (1 + ⅔)
        #expect(abs(report.precision(of: "b") - 0.5) < 1e-9)
        #expect(abs(report.recall(of: "b") - 0.5) < 1e-9)
        #expect(abs(report.f1(of: "c") - 2.0 / 3) < 1e-9)  // p ½, r 1
        #expect(abs(report.macroF1 - (0.8 + 0.5 + 2.0 / 3) / 3) < 1e-9)
    }

    @Test("labels absent from both gold and predictions are left out of macro-F1")
    func absentLabels() {
        let report = ClassificationReport(gold: ["x", "y"], predicted: ["x", "y"], labelOrder: ["w", "x", "y", "z"])
        #expect(report.labels == ["x", "y"])
        #expect(report.macroF1 == 1)
    }

    @Test("a label only predicted counts with F1 0")
    func onlyPredicted() {
        let report = ClassificationReport(gold: ["x", "x"], predicted: ["x", "y"])
        #expect(report.labels == ["x", "y"])
        #expect(report.f1(of: "y") == 0)
        #expect(abs(report.macroF1 - (2.0 / 3) / 2) < 1e-9)
    }
}
