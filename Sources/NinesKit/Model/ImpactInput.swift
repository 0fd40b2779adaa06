/// One money or quantity input of an `ImpactModel` that can be given as a range.
public enum ImpactInput: Hashable, Sendable, Comparable {
    case revenuePerHour
    case users
    case loadedCostPerUserHour
    case productivityLoss
    case perIncident
    case penaltyPerHour
    case dataLossPerHour
    /// The multiplier of the curve's point at this index (points sorted by duration).
    case curve(Int)

    /// The applications.yaml key (`impact.revenue_per_hour`); a curve point by its duration.
    public func key(in model: ImpactModel) -> String {
        switch self {
        case .revenuePerHour: "impact.revenue_per_hour"
        case .users: "impact.users"
        case .loadedCostPerUserHour: "impact.loaded_cost_per_user_hour"
        case .productivityLoss: "impact.productivity_loss"
        case .perIncident: "impact.per_incident"
        case .penaltyPerHour: "impact.penalty_per_hour"
        case .dataLossPerHour: "impact.data_loss_per_hour"
        case .curve(let index): "impact.curve.\(model.curve[index].duration.description)"
        }
    }

    /// Words for a sentence ("revenue per hour").
    public func phrase(in model: ImpactModel) -> String {
        switch self {
        case .revenuePerHour: "revenue per hour"
        case .users: "users affected"
        case .loadedCostPerUserHour: "cost of a user hour"
        case .productivityLoss: "share of work lost"
        case .perIncident: "cost per incident"
        case .penaltyPerHour: "penalties per hour"
        case .dataLossPerHour: "cost of an hour of lost data"
        case .curve(let index): "cost multiplier at \(model.curve[index].duration.description)"
        }
    }
}
