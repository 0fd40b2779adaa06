import Testing

@testable import NinesKit

@Suite struct TimeSpanTests {
    @Test(arguments: [
        ("30s", 30.0), ("5m", 300), ("4h", 14_400), ("2d", 172_800), ("1w", 604_800), ("1h30m", 5400), ("1.5h", 5400),
        ("0s", 0), (" 4H ", 14_400),
    ])
    func parses(text: String, seconds: Double) {
        #expect(TimeSpan(parsing: text)?.seconds == seconds)
    }

    @Test(arguments: ["", "5", "h", "5x", "-5m", "5m3", "1..5h", "five minutes"])
    func refuses(text: String) {
        #expect(TimeSpan(parsing: text) == nil)
    }

    @Test func printsShortestSpelling() {
        #expect(TimeSpan(seconds: 90).description == "1m30s")
        #expect(TimeSpan.hours(2).description == "2h")
        #expect(TimeSpan.hours(48).description == "2d")
        #expect(TimeSpan.zero.description == "0s")
        #expect(TimeSpan(seconds: 5).description == "5s")
    }
}

@Suite struct ServiceHoursTests {
    @Test func weekdayWindowCoversAFractionOfTheWeek() throws {
        // Hand calculation: 5 days × 12 h = 60 h of the week's 168 h.
        let hours = try #require(ServiceHours(parsing: "mon-fri 07:00-19:00"))
        #expect(hours.hoursPerWeek == 60)
        #expect(abs(hours.weeklyFraction - 60.0 / 168.0) < 1e-12)
        #expect(hours.leavesMaintenanceWindow)
        #expect(hours.description == "mon-fri 07:00-19:00")
    }

    @Test func aroundTheClock() throws {
        let hours = try #require(ServiceHours(parsing: "24x7"))
        #expect(hours.weeklyFraction == 1)
        #expect(!hours.leavesMaintenanceWindow)
        #expect(ServiceHours(parsing: "mon-sun 00:00-24:00") == .always)
    }

    @Test func listsOfDays() throws {
        let hours = try #require(ServiceHours(parsing: "mon,wed,fri 08:00-17:00"))
        #expect(hours.days == [0, 2, 4])
        #expect(hours.hoursPerWeek == 27)
    }

    @Test(arguments: ["", "always", "mon-fri", "mon-fri 19:00-07:00", "fri-mon 07:00-19:00", "mon-fri 7:00-19:00", "mon-fri 07:00-25:00"])
    func refuses(text: String) {
        #expect(ServiceHours(parsing: text) == nil)
    }
}

@Suite struct TierIDTests {
    @Test func parsesCombinations() {
        #expect(TierID(parsing: "ft") == TierID(.ft))
        #expect(TierID(parsing: "HA+SplitSite") == TierID(.ha, .splitsite))
        #expect(TierID(parsing: "backup+dr") == TierID(.backup, .dr))
        #expect(TierID(parsing: "backup+splitsite") == nil)
        #expect(TierID(parsing: "ft+none") == nil)
        #expect(TierID(parsing: "gold") == nil)
        #expect(TierID.all.count == 8)
    }
}

@Suite struct MemorySizeTests {
    @Test func parsesUnits() {
        #expect(MemorySize.gib(parsing: "384GiB") == 384)
        #expect(MemorySize.gib(parsing: "384g") == 384)
        #expect(MemorySize.gib(parsing: "0.5TiB") == 512)
        #expect(MemorySize.gib(parsing: "65536MiB") == 64)
        #expect(MemorySize.gib(parsing: "256") == 256)
        // 512 GB is 512 × 10⁹ bytes = 476.84 GiB.
        #expect(abs(MemorySize.gib(parsing: "512GB")! - 476.837_158) < 1e-5)
    }

    @Test(arguments: ["", "GiB", "-384GiB", "0", "infGiB", "nan", "384 apples", "1e400GiB"])
    func refuses(text: String) {
        #expect(MemorySize.gib(parsing: text) == nil)
    }
}
