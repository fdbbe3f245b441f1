import KMapModel

/// Instants as ISO 8601 text: a date for a change the source does not time, a date-time for one it does.
///
/// kmap applies an untimed event at the end of its day, and its map of that day shows the change; written as
/// the date alone (midnight to a GIS), the change shows on that day in QGIS and Google Earth too, as in kmap.
/// A timed change is written with its time. Both load as DateTime in GDAL (a column of dates alone as Date).
enum ISOTime {
    /// `2016-02-23` or `2016-02-23T09:00:00`; nil (the initial control, or before the export) is `from`.
    ///
    /// An untimed change on a day whose earlier change was timed (`after`, the stretch's previous boundary)
    /// is written `T23:59:00`, its real instant, so that a stretch never ends before it starts.
    static func format(_ instant: Instant?, from: Day, after previous: String? = nil) -> String {
        guard let instant else { return from.description }
        let day = instant.day.description
        guard instant.isEndOfDay else { return "\(day)T\(instant.time):00" }
        if let previous, previous.count > 10, previous.hasPrefix(day) { return "\(day)T23:59:00" }
        return day
    }
}
