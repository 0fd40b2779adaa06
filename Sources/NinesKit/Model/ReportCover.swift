import Foundation

/// What the report's cover shows besides the client's name: who prepared it, the assessment's
/// date, the consultant's or client's logo and a disclaimer. All of it comes from
/// engagement.yaml (never from the clock), so the same inputs give the same report.
public struct ReportCover: Sendable, Equatable {
    /// Who prepared the assessment (`prepared_by`).
    public var preparedBy: String?
    /// The assessment's date, `YYYY-MM-DD`, as written in engagement.yaml (`assessment_date`).
    public var assessmentDate: String?
    /// The logo (`logo`), embedded in the report.
    public var logo: Logo?
    /// The disclaimer paragraph (`disclaimer`); the report's own when absent.
    public var disclaimer: String?

    /// A PNG or JPEG image read from the engagement folder.
    public struct Logo: Sendable, Equatable {
        /// `image/png` or `image/jpeg`.
        public var mediaType: String
        public var bytes: Data

        /// The image as a `data:` URI, for an `<img src>`.
        public var dataURI: String { "data:\(mediaType);base64,\(bytes.base64EncodedString())" }
    }

    public init(preparedBy: String? = nil, assessmentDate: String? = nil, logo: Logo? = nil, disclaimer: String? = nil) {
        self.preparedBy = preparedBy
        self.assessmentDate = assessmentDate
        self.logo = logo
        self.disclaimer = disclaimer
    }
}
