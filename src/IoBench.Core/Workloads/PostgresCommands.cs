using Npgsql;

namespace IoBench.Core.Workloads;

/// <summary>What the Postgres workloads' blocking forms share.</summary>
internal static class PostgresCommands
{
    /// <summary>
    /// Npgsql's sync API takes no token: a batch deadline cancels the command on the server instead
    /// (NpgsqlCommand.Cancel sends a cancel request), so a blocked thread still comes back.
    /// </summary>
    /// <remarks>Only a command on an opened connection can be cancelled (a data source's own commands cannot).</remarks>
    public static CancellationTokenRegistration CancelOn(NpgsqlCommand command, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => TryCancel((NpgsqlCommand)state!), command)
            : default;

    /// <summary>The same for a batch (the --sql-call statement travels as one).</summary>
    public static CancellationTokenRegistration CancelOn(NpgsqlBatch batch, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => TryCancel((NpgsqlBatch)state!), batch)
            : default;

    // Best effort: the callback runs on a timer thread, where an exception would end the process; a command that has
    // just completed or failed has nothing left to cancel.
    private static void TryCancel(NpgsqlCommand command)
    {
        try
        {
            command.Cancel();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
        }
    }

    private static void TryCancel(NpgsqlBatch batch)
    {
        try
        {
            batch.Cancel();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
        }
    }
}
