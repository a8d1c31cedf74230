/// A support issue type: one of the taxonomy labels of tagging.md, or a label a user's rule
/// sets with `tags.issue_type`.
///
/// ```swift
/// IssueType.billing.rawValue        // "billing"
/// IssueType("playback").isTaxonomy  // true
/// ```
public struct IssueType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The label as written in annotations.
    public let rawValue: String

    /// Wraps a label; any string is accepted (users may tag their own labels).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a label.
    public init(_ label: String) { self.rawValue = label }

    public var description: String { rawValue }

    /// Songs or podcasts won't play, skip, stop, stutter; wrong song; audio quality.
    public static let playback = IssueType("playback")
    /// Can't log in, logged out, password reset, hacked account, family plan membership.
    public static let accountLogin = IssueType("account_login")
    /// Charged twice, refund, payment failed, price, plan changes, cancel.
    public static let billing = IssueType("billing")
    /// App crashes, freezes, error messages, UI broken after an update.
    public static let appCrashBug = IssueType("app_crash_bug")
    /// Downloads disappeared, offline mode, storage.
    public static let offlineDownload = IssueType("offline_download")
    /// Connect, car, speakers, smart TV, watch, console, Bluetooth, casting.
    public static let deviceConnect = IssueType("device_connect")
    /// Album, song or podcast missing, greyed out, region locked, lyrics missing.
    public static let contentAvailability = IssueType("content_availability")
    /// Bad or repetitive recommendations, playlists, Wrapped, search can't find.
    public static let recommendationsDiscovery = IssueType("recommendations_discovery")
    /// "How do I …", can't find a setting, confusing UI.
    public static let usabilityHowto = IssueType("usability_howto")
    /// "Please add …", "I wish it had …".
    public static let featureRequest = IssueType("feature_request")
    /// "Is it down?", a widespread failure right now.
    public static let outage = IssueType("outage")
    /// Praise, chatter, jokes, news, job posts: not a support issue.
    public static let none = IssueType("none")

    /// The tie-break order: when issue rules of several labels match one mention, the label
    /// earliest here wins. Urgent and specific labels come before the general ones (an outage
    /// report that mentions a song is an outage; "Connect stopped playing on my speaker" is a
    /// device problem, not playback). `none` is last: it never beats a real issue.
    public static let tieBreakOrder: [IssueType] = [
        .outage, .billing, .accountLogin, .offlineDownload, .deviceConnect, .appCrashBug,
        .contentAvailability, .playback, .featureRequest, .usabilityHowto, .recommendationsDiscovery, .none,
    ]

    /// Every taxonomy label, in tie-break order.
    public static var taxonomy: [IssueType] { tieBreakOrder }

    /// Whether this is one of the taxonomy labels of tagging.md.
    public var isTaxonomy: Bool { IssueType.tieBreakOrder.contains(self) }

    /// This label's place in ``tieBreakOrder``; labels outside the taxonomy rank after every
    /// taxonomy label except `none`.
    var tieBreakRank: Int {
        if let rank = IssueType.tieBreakOrder.firstIndex(of: self) {
            return self == .none ? IssueType.tieBreakOrder.count : rank
        }
        return IssueType.tieBreakOrder.count - 1
    }
}
