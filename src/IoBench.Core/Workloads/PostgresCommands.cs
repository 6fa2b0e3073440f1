using Npgsql;

namespace IoBench.Core.Workloads;

/// <summary>What the Postgres workloads' blocking forms share.</summary>
internal static class PostgresCommands
{
    /// <summary>
    /// Npgsql's sync API takes no token: a batch deadline cancels the command on the server instead
    /// (NpgsqlCommand.Cancel sends a cancel request), so a blocked thread still comes back.
    /// </summary>
    public static CancellationTokenRegistration CancelOn(NpgsqlCommand command, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((NpgsqlCommand)state!).Cancel(), command)
            : default;
}
