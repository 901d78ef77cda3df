/// The four panes of the console, in focus (Tab) order.
public enum Pane: Int, CaseIterable, Sendable {
    case queue, alerts, browser, popLog

    /// The pane's title.
    public var title: String {
        switch self {
        case .queue: return "Outbound queue"
        case .alerts: return "Critical alerts"
        case .browser: return "Local telemetry"
        case .popLog: return "Pop log"
        }
    }

    /// The pane's name on the tab strip of a small screen.
    public var tabTitle: String {
        switch self {
        case .queue: return "Queue"
        case .alerts: return "Alerts"
        case .browser: return "Telemetry"
        case .popLog: return "Pop log"
        }
    }

    /// The next pane in Tab order.
    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    /// The previous pane in Tab order.
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}

/// Where everything goes on a screen of a given size.
///
/// - At least `twoColumnWidth` columns and rows enough: a 2×2 grid (queue | alerts over
///   browser | pop log).
/// - Narrower, with rows enough: the four panes stacked.
/// - Otherwise (a small screen): tabs, as k9s and btop do — the focused pane takes the whole
///   body below a one-row tab strip naming all four panes; Tab / Shift-Tab switch.
/// - Below `minimumSize`: nothing but a "terminal too small" message.
public struct ScreenLayout: Equatable, Sendable {
    /// The smallest screen the console draws on.
    public static let minimumSize = Size(width: 60, height: 16)
    /// From this width on, the panes sit in two columns.
    public static let twoColumnWidth = 80
    /// Rows of the queue pane (border included) when it is not given more.
    public static let queueHeight = 8
    /// Rows of the queue pane on a tall screen: room for the link section.
    public static let queueHeightWithLink = 14
    /// The fewest rows (border included) a pane below the queue gets in the grid or the
    /// stack: a column header and four rows. Fewer, and the screen shows tabs instead.
    public static let minimumPaneHeight = 7
    /// The fewest rows of each of the three panes stacked below the queue on a narrow screen.
    public static let minimumStackedPaneHeight = 5

    public let size: Size
    /// True when the screen is below `minimumSize`.
    public let tooSmall: Bool
    /// The title bar, top row.
    public let header: Rect
    /// Where the panes go (and where overlays are drawn).
    public let body: Rect
    /// The status line, above the footer.
    public let status: Rect
    /// The key hints, bottom row.
    public let footer: Rect
    /// True when the panes are in a 2×2 grid.
    public let twoColumns: Bool
    /// True on a small screen: one pane at a time under a tab strip.
    public let tabbed: Bool
    /// The tab strip (top row of the body) when `tabbed`, else empty.
    public let tabStrip: Rect
    private let paneRects: [Rect]
    /// Panes not drawn (the unfocused ones when `tabbed`).
    public let hidden: Set<Pane>

    /// Lays out a screen of `size` with `focus` on a pane (the pane shown when tabbed).
    public init(size: Size, focus: Pane) {
        self.size = size
        let all = Rect(size)
        tooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        let (h, rest) = all.splitTop(1)
        let (middle, bottom) = rest.splitBottom(2)
        let (s, f) = bottom.splitTop(1)
        header = h; body = middle; status = s; footer = f
        var rects = Array(repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: Pane.allCases.count)
        let wide = size.width >= Self.twoColumnWidth
        let gridFits = middle.height >= Self.queueHeight + Self.minimumPaneHeight
        let stackFits = middle.height >= Self.queueHeight + 3 * Self.minimumStackedPaneHeight
        twoColumns = !tooSmall && wide && gridFits
        tabbed = !tooSmall && !(wide ? gridFits : stackFits)
        var strip = Rect(x: middle.x, y: middle.y, width: 0, height: 0)
        var hidden: Set<Pane> = []
        if tooSmall {
            // Nothing is laid out.
        } else if tabbed {
            let (t, pane) = middle.splitTop(1)
            strip = t
            rects[focus.rawValue] = pane
            hidden = Set(Pane.allCases.filter { $0 != focus })
        } else if twoColumns {
            let topHeight = min(Self.queueHeightWithLink, max(Self.queueHeight, middle.height * 2 / 5))
            let (top, lower) = middle.splitTop(topHeight)
            let leftWidth = middle.width / 2
            let (tl, tr) = top.splitLeft(leftWidth)
            let (bl, br) = lower.splitLeft(leftWidth)
            rects[Pane.queue.rawValue] = tl
            rects[Pane.alerts.rawValue] = tr
            rects[Pane.browser.rawValue] = bl
            rects[Pane.popLog.rawValue] = br
        } else {
            let tall = middle.height >= Self.queueHeightWithLink + 3 * 8
            let (q, rest) = middle.splitTop(tall ? Self.queueHeightWithLink : Self.queueHeight)
            rects[Pane.queue.rawValue] = q
            let each = rest.height / 3
            let (a, rest2) = rest.splitTop(each)
            let (b, p) = rest2.splitBottom(each)
            rects[Pane.alerts.rawValue] = a
            rects[Pane.browser.rawValue] = b
            rects[Pane.popLog.rawValue] = p
        }
        paneRects = rects
        tabStrip = strip
        self.hidden = hidden
    }

    /// The rectangle of `pane` (border included).
    public func rect(_ pane: Pane) -> Rect { paneRects[pane.rawValue] }

    /// Rows available for list items in `pane` (inside the border, below a column header).
    public func listRows(_ pane: Pane) -> Int {
        let inner = rect(pane).height - 2
        switch pane {
        case .queue: return 0
        case .alerts, .browser: return max(0, inner - 1)
        case .popLog: return max(0, inner - PopLogLayout.statsRows(innerHeight: inner))
        }
    }
}

/// How the pop-log pane splits its rows between the share table and the step list.
public enum PopLogLayout {
    /// Rows used by the share statistics for a pane of `innerHeight` rows.
    public static func statsRows(innerHeight: Int) -> Int {
        if innerHeight >= 10 { return 5 }
        if innerHeight >= 3 { return 1 }
        return 0
    }
}
