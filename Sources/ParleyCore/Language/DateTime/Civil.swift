/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after
/// Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms"
/// (https://howardhinnant.github.io/date_algorithms.html, public domain). No Foundation.
enum Civil {
    /// Day number of a civil date. `month` 1...12; `day` may overflow the month (it is counted on).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day number.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Monday ... 6 = Sunday (ISO order). 1970-01-01 was a Thursday.
    static func weekday(days: Int) -> Int {
        let w = (days + 3) % 7
        return w < 0 ? w + 7 : w
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day number of a month's `nth` `weekday` (1 the first … 5, -1 the last; 0 = Monday),
    /// nil when the month has no such day (a fifth Monday).
    static func days(year: Int, month: Int, weekday: Int, nth: Int) -> Int? {
        let length = daysInMonth(year: year, month: month)
        let day: Int
        if nth > 0 {
            day = 1 + (weekday - self.weekday(days: days(year: year, month: month, day: 1)) + 7) % 7 + 7 * (nth - 1)
        } else {
            day = length - (self.weekday(days: days(year: year, month: month, day: length)) - weekday + 7) % 7
        }
        return day <= length ? days(year: year, month: month, day: day) : nil
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// The first day of the month `months` after (year, month), as (year, month).
    static func addMonths(year: Int, month: Int, _ months: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + months
        let y = floorDiv(index, 12)
        return (y, index - y * 12 + 1)
    }

    @inline(__always) static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Splits local seconds into a day number and the seconds of that day.
    @inline(__always) static func split(_ seconds: Int) -> (days: Int, seconds: Int) {
        let d = floorDiv(seconds, 86400)
        return (d, seconds - d * 86400)
    }
}
