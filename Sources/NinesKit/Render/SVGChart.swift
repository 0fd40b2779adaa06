/// A small SVG writer for the report's charts: shapes and text placed in a view box, every
/// label escaped. Written by hand because the charts are a few bars and lines and no project
/// package draws SVG.
struct SVGChart {
    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static let palette = ["#1f6feb", "#d97706", "#059669", "#9333ea", "#dc2626", "#0891b2", "#65a30d", "#db2777"]

    static func f(_ value: Double) -> String { Number.plain(value, maxFraction: 1) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) {
        let tooltip = title.map { "<title>\(Escape.html($0))</title>" } ?? ""
        body.append(
            "<rect x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" width=\"\(Self.f(max(0, width)))\" height=\"\(Self.f(max(0, height)))\" fill=\"\(fill)\">\(tooltip)</rect>"
        )
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: Bool = false) {
        body.append(
            "<line x1=\"\(Self.f(x1))\" y1=\"\(Self.f(y1))\" x2=\"\(Self.f(x2))\" y2=\"\(Self.f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.f(width))\"\(dash ? " stroke-dasharray=\"4 3\"" : "")/>"
        )
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String) {
        let list = points.map { "\(Self.f($0.0)),\(Self.f($0.1))" }.joined(separator: " ")
        body.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2.5\"/>")
        for point in points {
            body.append("<circle cx=\"\(Self.f(point.0))\" cy=\"\(Self.f(point.1))\" r=\"3\" fill=\"\(stroke)\"/>")
        }
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12, bold: Bool = false, fill: String = "#1f2328"
    ) {
        body.append(
            "<text x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(Self.f(size))\"\(bold ? " font-weight=\"600\"" : "") fill=\"\(fill)\">\(Escape.html(text))</text>"
        )
    }

    /// The finished `<svg>` element, scaling to its container's width.
    func render(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.f(width)) \(Self.f(height))\" role=\"img\" aria-label=\"\(Escape.html(label))\" class=\"chart\">"
            + body.joined() + "</svg>"
    }
}
