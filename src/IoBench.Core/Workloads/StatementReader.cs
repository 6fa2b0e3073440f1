using System.Data.Common;

namespace IoBench.Core.Workloads;

/// <summary>
/// Reads what a user's statement returns the way an application consumes a result: every result set, every row, every
/// column value materialised (GetValue), so that a call costs the transfer and decoding of its whole result, not only
/// its execution.
/// </summary>
internal static class StatementReader
{
    public static long ReadAll(DbDataReader reader)
    {
        var rows = 0L;
        do
        {
            var columns = reader.FieldCount;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < columns; i++)
                {
                    _ = reader.GetValue(i);
                }
            }
        }
        while (reader.NextResult());

        return rows;
    }

    public static async ValueTask<long> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = 0L;
        do
        {
            var columns = reader.FieldCount;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                for (var i = 0; i < columns; i++)
                {
                    // The row is already buffered (non-sequential access): reading its values never waits for I/O.
                    _ = reader.GetValue(i);
                }
            }
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

        return rows;
    }
}
