using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Quartz;

namespace ArticleIndexer.Worker;

/// <summary>
/// The scheduled worker's checked schedule: <see cref="WorkerOptions.Schedule"/> parsed as a Quartz cron expression
/// and resolved in <see cref="WorkerOptions.TimeZone"/>. Built before the host starts, so a bad setting is a one-line
/// error and exit code 2 rather than a scheduler that fails to start.
/// </summary>
/// <param name="Cron">The expression, carrying its time zone.</param>
internal sealed record WorkerSchedule(CronExpression Cron)
{
    /// <summary>The time zone the expression is read in.</summary>
    public TimeZoneInfo TimeZone => Cron.TimeZone;

    /// <summary>The first time the schedule fires after <paramref name="now"/>, in the schedule's time zone.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset now) =>
        Cron.GetNextValidTimeAfter(now) is { } next ? TimeZoneInfo.ConvertTime(next, TimeZone) : null;

    /// <summary>
    /// Checks the schedule settings of <paramref name="options"/>; a problem is a one-line message. An expression that
    /// never fires after <paramref name="time"/>'s now (a year long gone) is a problem too.
    /// </summary>
    public static bool TryCreate(
        WorkerOptions options,
        TimeProvider time,
        [NotNullWhen(true)] out WorkerSchedule? schedule,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        const string section = WorkerOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Schedule))
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BlankSchedule, section);
            return false;
        }

        TimeZoneInfo timeZone;
        try
        {
            timeZone = TimeZones.FindById(options.TimeZone?.Trim() ?? string.Empty);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadTimeZone, section, options.TimeZone, ex.Message);
            return false;
        }

        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(options.Schedule.Trim()).WithTimeZone(timeZone);
        }
        catch (FormatException ex)
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.BadSchedule, section, options.Schedule, ex.Message);
            return false;
        }

        if (cron.GetNextValidTimeAfter(time.GetUtcNow()) is null)
        {
            error = string.Format(CultureInfo.InvariantCulture, WorkerMessages.ScheduleNeverFires, section, options.Schedule);
            return false;
        }

        schedule = new WorkerSchedule(cron);
        error = null;
        return true;
    }
}
