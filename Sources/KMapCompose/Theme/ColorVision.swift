import Foundation

/// How a reader sees colours: with normal vision or with the two common red–green deficiencies, and how far
/// apart two colours look to them (CIEDE2000 ΔE).
///
/// About one man in twelve sees red and green as near one colour; a map whose sides are red and green is, for
/// him, a map of one side. `kmap check` uses this to warn before anyone renders such a campaign.
/// Simulation: Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation of Color
/// Vision Deficiency", severity 1.0, applied to linear RGB. Difference: CIEDE2000 on CIE L*a*b* (D65).
public enum ColorVision: String, Sendable, CaseIterable {
    case normal
    case protanopia
    case deuteranopia

    /// Below this ΔE2000 two faction colours on small markers are hard to tell apart (about 2.3 is the smallest
    /// difference anyone can see side by side; map symbols seen apart need several times that).
    public static let confusableBelow = 10.0

    /// The least ΔE2000 a built-in theme keeps between any two colours of its legend (factions, unknown, change
    /// highlight, road fill, road cut, route states), for every reader.
    ///
    /// These mark small symbols that must read apart at a glance, side by side or not: about six times the 2.3
    /// of a just-noticeable difference. Campaign authors are only warned below `confusableBelow`.
    public static let legendMinimum = 15.0

    /// The least ΔE2000 between a zone tint and the paper under it, for every reader.
    ///
    /// Zones are large areas, where smaller differences show than on markers, but a tint any paler vanishes on
    /// the paper for a colour-blind reader (a red tint on beige, seen with deuteranopia).
    public static let tintMinimum = 12.0

    /// The Machado 2009 matrix (severity 1.0) in linear RGB; nil for normal vision.
    var matrix: [[Double]]? {
        switch self {
        case .normal: nil
        case .protanopia:
            [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        case .deuteranopia:
            [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        }
    }

    /// The least difference any reader sees between `a` and `b`.
    public static func leastDifference(_ a: Color, _ b: Color) -> Double {
        allCases.map { $0.difference(a, b) }.min()!
    }

    /// The colour as this reader sees it, in linear RGB (alpha ignored).
    func linear(_ c: Color) -> [Double] {
        let l = [c.r, c.g, c.b].map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        guard let m = matrix else { return l }
        return m.map { row in min(1, max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2])) }
    }

    /// How different `a` and `b` look to this reader: CIEDE2000 ΔE (0 the same, 100 black against white).
    public func difference(_ a: Color, _ b: Color) -> Double {
        ColorVision.deltaE2000(ColorVision.lab(linear(a)), ColorVision.lab(linear(b)))
    }

    /// The pairs among `colors` that some reader sees closer than `below`, with the reader and the difference, in
    /// input order (normal vision when everyone confuses them, else the reader who sees them closest).
    public static func confusions(_ colors: [(id: String, color: Color)], below: Double = confusableBelow) -> [(
        a: String, b: String, vision: ColorVision, deltaE: Double
    )] {
        var out: [(a: String, b: String, vision: ColorVision, deltaE: Double)] = []
        for i in colors.indices {
            for j in colors.indices where j > i {
                // Normal vision first: colours everyone confuses are said to be so, not blamed on one reader.
                let normal = ColorVision.normal.difference(colors[i].color, colors[j].color)
                let worst =
                    normal < below
                    ? (ColorVision.normal, normal)
                    : allCases.map { ($0, $0.difference(colors[i].color, colors[j].color)) }.min { $0.1 < $1.1 }!
                if worst.1 < below { out.append((colors[i].id, colors[j].id, worst.0, worst.1)) }
            }
        }
        return out
    }

    /// CIE L*a*b* (D65 white) of a linear-RGB colour.
    static func lab(_ l: [Double]) -> (L: Double, a: Double, b: Double) {
        let x = (0.4124564 * l[0] + 0.3575761 * l[1] + 0.1804375 * l[2]) / 0.95047
        let y = 0.2126729 * l[0] + 0.7151522 * l[1] + 0.0721750 * l[2]
        let z = (0.0193339 * l[0] + 0.1191920 * l[1] + 0.9503041 * l[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    /// CIEDE2000 (Sharma, Wu and Dalal 2005), with kL = kC = kH = 1.
    static func deltaE2000(_ p: (L: Double, a: Double, b: Double), _ q: (L: Double, a: Double, b: Double)) -> Double {
        func rad(_ d: Double) -> Double { d * .pi / 180 }
        let c1 = hypot(p.a, p.b)
        let c2 = hypot(q.a, q.b)
        let cMean = (c1 + c2) / 2
        let g = 0.5 * (1 - sqrt(pow(cMean, 7) / (pow(cMean, 7) + pow(25, 7))))
        let a1 = (1 + g) * p.a
        let a2 = (1 + g) * q.a
        let c1p = hypot(a1, p.b)
        let c2p = hypot(a2, q.b)
        func hue(_ b: Double, _ a: Double) -> Double {
            let h = atan2(b, a) * 180 / .pi
            return h < 0 ? h + 360 : h
        }
        let h1 = hue(p.b, a1)
        let h2 = hue(q.b, a2)
        let dL = q.L - p.L
        let dC = c2p - c1p
        var dh = 0.0
        if c1p * c2p != 0 {
            dh = h2 - h1
            if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
        }
        let dH = 2 * sqrt(c1p * c2p) * sin(rad(dh / 2))
        let lMean = (p.L + q.L) / 2
        let cpMean = (c1p + c2p) / 2
        var hMean = h1 + h2
        if c1p * c2p != 0 {
            hMean = abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : (h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2)
        }
        let t =
            1 - 0.17 * cos(rad(hMean - 30)) + 0.24 * cos(rad(2 * hMean)) + 0.32 * cos(rad(3 * hMean + 6))
            - 0.20 * cos(rad(4 * hMean - 63))
        let dTheta = 30 * exp(-pow((hMean - 275) / 25, 2))
        let rc = 2 * sqrt(pow(cpMean, 7) / (pow(cpMean, 7) + pow(25, 7)))
        let sl = 1 + 0.015 * pow(lMean - 50, 2) / sqrt(20 + pow(lMean - 50, 2))
        let sc = 1 + 0.045 * cpMean
        let sh = 1 + 0.015 * cpMean * t
        let rt = -sin(rad(2 * dTheta)) * rc
        return sqrt(pow(dL / sl, 2) + pow(dC / sc, 2) + pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh))
    }
}
