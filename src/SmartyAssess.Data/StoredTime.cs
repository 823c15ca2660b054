namespace SmartyAssess.Data;

public static class StoredTime
{
    /// <summary>
    /// Now, in UTC, cut to whole microseconds: PostgreSQL keeps no more, so a value returned right
    /// after saving equals the value read back later on either database.
    /// </summary>
    public static DateTime UtcNowForStorage(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
