import Foundation

/// Dates as year, month, day and time of day in UTC, by arithmetic on the Gregorian calendar
/// (Howard Hinnant's days-from-civil algorithms). Feeds, zip entries and the book's metadata need
/// nothing more, and `Calendar`'s set-up (ICU, time-zone data) was a visible share of a small
/// book's build. Before 1583 `Calendar` is asked instead: it switches to the Julian calendar
/// there, and dates such as Go's zero time (`0001-01-01`) keep the values they always had.
enum UTCCalendar {
    struct Fields: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var hour = 0
        var minute = 0
        var second = 0
    }

    /// The first year of the Gregorian calendar, as `Calendar` counts it.
    private static let firstGregorianYear = 1583
    private static let firstGregorianSecond: Double = -12_212_553_600  // 1583-01-01T00:00:00Z

    private static let legacy: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The fields of `date`, seconds rounded down.
    static func fields(of date: Date) -> Fields {
        let time = date.timeIntervalSince1970.rounded(.down)
        guard time >= firstGregorianSecond, time < 1e15 else {
            let parts = legacy.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return Fields(year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!)
        }
        let seconds = Int(time)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let ofDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return Fields(year: year, month: month, day: day, hour: ofDay / 3600, minute: ofDay % 3600 / 60, second: ofDay % 60)
    }

    /// The moment `fields` name in UTC; a day past its month's end carries into the next month,
    /// as `Calendar` does. `month` must be 1...12.
    static func date(_ fields: Fields) -> Date {
        guard fields.year >= firstGregorianYear else {
            let components = DateComponents(year: fields.year, month: fields.month, day: fields.day,
                                            hour: fields.hour, minute: fields.minute, second: fields.second)
            return legacy.date(from: components) ?? Date(timeIntervalSince1970: 0)
        }
        let days = Self.days(year: fields.year, month: fields.month, day: fields.day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + fields.hour * 3600 + fields.minute * 60 + fields.second))
    }

    /// Days since 1970-01-01 of a Gregorian date.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian date `days` after 1970-01-01.
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` in `width` digits, zeros in front.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
