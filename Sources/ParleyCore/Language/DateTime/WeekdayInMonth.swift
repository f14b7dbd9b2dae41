/// A weekday counted in a month: "the first Monday of December", "last Friday of the month",
/// "the 2nd Tuesday of next month", "le premier lundi de décembre", "le dernier vendredi du
/// mois", "Jumatatu ya kwanza ya Desemba" name one day (`DTDay.weekdayInMonth`). With a word of
/// repetition ("of every month", "de chaque mois") it is a recurrence (`nthWeekday(at:)`).
extension DTParser {
    /// The place and the weekday at `k` ("first Monday", "last Friday", "3rd Wednesday",
    /// "premier lundi", "dernier vendredi", Swahili "Jumatatu ya kwanza") and the token after them.
    func weekdayInMonth(at k: Int) -> (nth: Int, weekday: Int, next: Int)? {
        func place(_ j: Int) -> (Int, Int)? {
            switch lex(j) {
            case .nth(let n)?: return (n, 1)
            case .modifier(-1)?, .postModifier(-1)?: return (-1, 1)
            default:
                if key(j) == Self.keySecond { return (2, 1) }
                if isNumber(j), (1...5).contains(t[j].value), t[j].length == 1, lex(j + 1) == .ordinal, glued(j + 1) { return (t[j].value, 2) }
                return nil
            }
        }
        func weekday(_ j: Int) -> Int? {
            switch lex(j) {
            case .weekday(let w, _)?: return w
            case .weekdays(let w)? where w < 7: return w
            default: return nil
            }
        }
        if let day = weekday(k), key(k + 1) == Self.keyYa, let (p, width) = place(k + 2) { return (p, day, k + 2 + width) }
        if let (p, width) = place(k), let day = weekday(k + width) { return (p, day, k + width + 1) }
        return nil
    }

    /// The day at `i`: of a named month ("of December", "de décembre 2026", "ya Desemba") or of
    /// a month counted from this one ("of the month", "du mois", "of next month", "ya mwezi ujao").
    func weekdayInMonthDate(at i: Int) -> DTExpr? {
        var k = i
        if fn(k) == .the || fn(k) == .le { k += 1 }
        guard let (n, w, next) = weekdayInMonth(at: k) else { return nil }
        // "last Friday" alone is the weekday before this one.
        guard fn(next) == .of || fn(next) == .in || fn(next) == .de || fn(next) == .du || key(next) == Self.keyYa else { return nil }
        if let (month, _, after) = namedMonth(at: next + 1) {
            if let y = year(at: after) {
                return DTExpr(first: i, next: after + 1, day: .weekdayInMonth(nth: n, weekday: w, month: month, year: y, months: nil))
            }
            return DTExpr(first: i, next: after, day: .weekdayInMonth(nth: n, weekday: w, month: month, year: nil, months: nil))
        }
        if let (months, after) = monthOffset(at: next) {
            return DTExpr(first: i, next: after, day: .weekdayInMonth(nth: n, weekday: w, month: nil, year: nil, months: months))
        }
        var j = next + 1
        if fn(j) == .the || fn(j) == .le || fn(j) == .el { j += 1 }
        switch lex(j) {
        case .unit(.month)?, .unitFirst(.month)?:
            return DTExpr(first: i, next: j + 1, day: .weekdayInMonth(nth: n, weekday: w, month: nil, year: nil, months: nil))
        default:
            return nil
        }
    }
}
