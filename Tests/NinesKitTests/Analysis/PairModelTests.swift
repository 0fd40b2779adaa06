import Testing

@testable import NinesKit

/// The reference values of docs/MODEL.md §3, checked against an independent CTMC solver: λ = 1/5000 h,
/// MTTR = 4 h, 525,960 min/yr. Also re-derived here with numpy (numpy.linalg.solve on the same
/// generator): 420.4317, 0.336076, 0.672152, 21.66011, 1.722387.
@Suite struct PairModelTests {
    static let minutesPerYear = 525_960.0
    static let λ = 1.0 / 5000

    static func minutes(_ model: PairModel) -> Double { model.unavailability * minutesPerYear }

    static func fourSignificant(_ value: Double, _ reference: Double) -> Bool {
        abs(value - reference) / reference < 5e-4
    }

    @Test func singleUnit() {
        let u = PairModel.singleUnavailability(mtbfHours: 5000, mttrHours: 4)
        #expect(Self.fourSignificant(u * Self.minutesPerYear, 420.43))
    }

    @Test func twoCrews() {
        #expect(Self.fourSignificant(Self.minutes(PairModel(failureRate: Self.λ, repairHours: 4, crews: 2)), 0.3361))
    }

    @Test func oneCrew() {
        #expect(Self.fourSignificant(Self.minutes(PairModel(failureRate: Self.λ, repairHours: 4, crews: 1)), 0.6722))
    }

    @Test func oneCrewWithCommonCause() {
        #expect(Self.fourSignificant(Self.minutes(PairModel(failureRate: Self.λ, repairHours: 4, beta: 0.05)), 21.66))
    }

    @Test func oneCrewWithCoverage() {
        let model = PairModel(failureRate: Self.λ, repairHours: 4, coverage: 0.99, recoveryHours: 0.5)
        #expect(Self.fourSignificant(Self.minutes(model), 1.722))
    }

    /// Rate × duration of the both-down episodes accounts for exactly the both-down share.
    @Test func bothDownEpisodesAddUp() {
        let model = PairModel(failureRate: Self.λ, repairHours: 4, crews: 2, beta: 0.05)
        let p = model.probabilities
        #expect(abs(model.bothDownRate * model.bothDownHours - p[2]) < 1e-15)
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
    }

    @Test func chainSolvesATwoStateUnit() {
        var chain = MarkovChain(states: 2)
        chain.add(0, 1, rate: 1.0 / 99)
        chain.add(1, 0, rate: 1)
        let p = chain.steadyState()
        #expect(abs(p[1] - 0.01) < 1e-12)
    }
}
