import Foundation
import Testing

@testable import NinesKit

@Suite struct ApplicationsCSVTests {
    /// The flattened CSV form reads into the same application as the YAML form.
    @Test func csvAndYAMLAgree() throws {
        let yaml = """
            - name: ERP
              sla: {availability: 99.99, rto: 5m, rpo: 0s, service_hours: mon-fri 07:00-19:00, site_disaster: recover}
              impact: {users: 500, salary_per_year: 60000, loading_factor: 2.0, hours_per_year: 2080, productivity_loss: 0.25, curve: {1h: 1.0, 4h: 1.3}}
              depends_on: [AD, SQL]
            """
        let csv = """
            name,sla.availability,sla.rto,sla.rpo,sla.service_hours,sla.site_disaster,impact.users,impact.salary_per_year,impact.loading_factor,impact.hours_per_year,impact.productivity_loss,impact.curve,depends_on
            ERP,99.99,5m,0s,mon-fri 07:00-19:00,recover,500,60000,2.0,2080,0.25,1h:1.0;4h:1.3,AD;SQL
            """
        var diagnostics = DiagnosticCollector()
        let file = try #require(YAMLFile.parse(Data(yaml.utf8), shownAs: "a.yaml", diagnostics: &diagnostics))
        let fromYAML = try #require(
            ApplicationsFileReader.records(yaml: file, diagnostics: &diagnostics).first.flatMap {
                ApplicationBuilder.build($0, diagnostics: &diagnostics)
            })
        let table = try #require(CSVTable.parse(Data(csv.utf8), shownAs: "a.csv", diagnostics: &diagnostics))
        let fromCSV = try #require(
            ApplicationsFileReader.records(csv: table, diagnostics: &diagnostics).first.flatMap {
                ApplicationBuilder.build($0, diagnostics: &diagnostics)
            })
        #expect(!diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        #expect(fromYAML.sla == fromCSV.sla)
        #expect(fromYAML.impact == fromCSV.impact)
        #expect(fromYAML.dependsOn == fromCSV.dependsOn)
        #expect(abs(fromCSV.impact.productivityPerHour - 7211.538_461_5) < 1e-6)
    }

    @Test func saasNeedsVendorAvailability() throws {
        let yaml = "- name: CRM\n  hosting: saas\n  sla: {availability: 99.9, rto: 1h, rpo: 1h}\n"
        var diagnostics = DiagnosticCollector()
        let file = try #require(YAMLFile.parse(Data(yaml.utf8), shownAs: "a.yaml", diagnostics: &diagnostics))
        let records = ApplicationsFileReader.records(yaml: file, diagnostics: &diagnostics)
        #expect(ApplicationBuilder.build(records[0], diagnostics: &diagnostics) == nil)
        #expect(diagnostics.errors.first?.message.contains("vendor_availability") == true)
        #expect(diagnostics.errors.first?.location.line == 2)
    }
}
