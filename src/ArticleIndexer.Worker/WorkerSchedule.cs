using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ArticleIndexer.Operations.Scheduling;
using Quartz;

namespace ArticleIndexer.Worker;

/// <summary>
/// Checks the scheduled worker's settings before the host starts, so a bad cron expression or time zone is a one-line
/// error and exit code 2 rather than a scheduler that fails to start.
/// </summary>
internal static class WorkerSchedule
{
    /// <summary>
    /// Parses <see cref="WorkerOptions.IncrementalSchedule"/> and <see cref="WorkerOptions.RebuildSchedule"/> in
    /// <see cref="WorkerOptions.TimeZone"/>. An expression that never fires after <paramref name="time"/>'s now (a year
    /// long gone) is a problem too.
    /// </summary>
    public static bool TryCreate(
        WorkerOptions options,
        TimeProvider time,
        [NotNullWhen(true)] out WorkerSchedules? schedules,
        [NotNullWhen(false)] out string? error)
    {
        schedules = null;
        TimeZoneInfo timeZone;
        try
        {
            timeZone = TimeZones.FindById(options.TimeZone?.Trim() ?? string.Empty);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            error = Format(WorkerMessages.BadTimeZone, WorkerOptions.SectionName, options.TimeZone, ex.Message);
            return false;
        }

        if (!TryParse(nameof(WorkerOptions.IncrementalSchedule), options.IncrementalSchedule, timeZone, time, out var incremental, out error)
            || !TryParse(nameof(WorkerOptions.RebuildSchedule), options.RebuildSchedule, timeZone, time, out var rebuild, out error))
        {
            return false;
        }

        schedules = new WorkerSchedules(incremental, rebuild, timeZone);
        return true;
    }

    /// <summary>The first time <paramref name="cron"/> fires after <paramref name="now"/>, in its own time zone.</summary>
    public static DateTimeOffset? NextAfter(CronExpression cron, DateTimeOffset now) =>
        cron.GetNextValidTimeAfter(now) is { } next ? TimeZoneInfo.ConvertTime(next, cron.TimeZone) : null;

    private static bool TryParse(
        string setting, string? text, TimeZoneInfo timeZone, TimeProvider time,
        [NotNullWhen(true)] out CronExpression? cron, [NotNullWhen(false)] out string? error)
    {
        cron = null;
        const string section = WorkerOptions.SectionName;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = Format(WorkerMessages.BlankSchedule, section, setting);
            return false;
        }

        try
        {
            cron = CronExpression.Parse(text.Trim()).WithTimeZone(timeZone);
        }
        catch (FormatException ex)
        {
            error = Format(WorkerMessages.BadSchedule, section, setting, text, ex.Message);
            return false;
        }

        if (cron.GetNextValidTimeAfter(time.GetUtcNow()) is null)
        {
            error = Format(WorkerMessages.ScheduleNeverFires, section, setting, text);
            cron = null;
            return false;
        }

        error = null;
        return true;
    }

    private static string Format(string message, params object?[] values) => string.Format(CultureInfo.InvariantCulture, message, values);
}
